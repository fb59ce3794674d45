import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { base64SizeWords } from '../../main/core/api/base64-upload';
import { BASE64_MAX_BYTES } from '../../main/core/api/types';
import type { Engine } from '../../main/core/engine';
import type { HistoryEntry } from '../../main/core/history';
import { formatLink } from '../../main/core/links';
import type { JobSnapshot } from '../../main/core/queue';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import { enqueueOrExplain } from '../collision';
import type { CliContext } from '../context';
import { copyLinks, linkFormatFlag } from '../copy-links';
import { cliDataDir, withEngine } from '../engine-session';
import { dropSpool, expandFolders, spoolStdin } from '../upload-inputs';
import { CliFailure, EXIT_FAILURE, EXIT_OK, UsageError } from '../errors';
import { shownPath } from '../format';
import { jobJson } from '../job-json';
import { runJobs } from '../job-runner';
import { wholeNumberFlag } from '../number-flags';
import { refusedJson, refusedLine, refusedSummary, refuseUnusableNames } from '../refused-names';
import { earlierWorkNote, finishRun } from '../run-outcome';
import { uploadTarget } from './upload-target';
import { imageFlags } from '../image-flags';
import { namingFlags } from '../naming-flags';
import { markStep } from '../step-timings';
// The app's own limit, so a number that works in one works in the other.
import { MAX_CONCURRENCY } from '../../main/core/queue/defaults';

const COMMAND = 'upload';

// Base64 inflates the body by a third and the service recommends it only up to 10 MB; refusing here
// saves sending megabytes only to be turned away, and the CLI can name the flag to drop.
async function checkBase64Size(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile() === true && info.size > BASE64_MAX_BYTES) {
    const { size, limit } = base64SizeWords(info.size);
    throw new CliFailure(
      `${shownPath(file)} is ${size}; Base64 uploads take at most ${limit}. Leave out --base64 to stream it instead.`,
    );
  }
}

/** Says once that jobs from an earlier run are waiting, so a crash or Ctrl-C is not silently forgotten. */
export function mentionEarlierWork(ctx: CliContext, engine: Engine): void {
  // Jobs left 'uploading' by a dead process count as waiting too.
  engine.queue.recoverAbandoned();
  const waiting = engine.queue.list({ status: 'queued' }).length;
  if (waiting > 0) ctx.stderr.write(`kiedrop: ${earlierWorkNote(waiting)}\n`);
}

export async function runUpload(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const given = parsed.positionals;
  if (given.length === 0) throw new UsageError('no files given; pass one or more file paths', COMMAND);
  const target = uploadTarget(parsed, COMMAND);
  const naming = namingFlags(parsed, COMMAND);
  const image = imageFlags(parsed, COMMAND);
  const fromStdin = given.includes('-');
  if (fromStdin && (given.length > 1 || target.fileName === undefined)) {
    throw new UsageError('`upload -` uploads what is piped in, alone, and needs --name for it', COMMAND);
  }
  const format = linkFormatFlag(parsed, COMMAND);
  // --format says how to copy, so it copies too.
  const copy = booleanFlag(parsed, 'copy') || format !== undefined;
  const { files, emptyFolders } = await expandFolders(given, booleanFlag(parsed, 'recursive'));
  if (target.fileName !== undefined && files.length > 1) {
    throw new UsageError(`--name works with a single file only (got ${files.length} files)`, COMMAND);
  }
  const overwrite = booleanFlag(parsed, 'overwrite');
  if (overwrite && target.fileName === undefined) {
    throw new UsageError(
      '--overwrite only applies with --name: without it every upload gets its own location',
      COMMAND,
    );
  }
  const concurrency = wholeNumberFlag(parsed, 'concurrency', { min: 1, max: MAX_CONCURRENCY }, COMMAND);
  const json = booleanFlag(parsed, 'json');
  // Only the links on stdout, in the order given: what Typora's "Custom Command" uploader reads.
  const plain = booleanFlag(parsed, 'plain');
  if (plain && json) throw new UsageError('--plain and --json cannot be used together', COMMAND);
  const base64 = booleanFlag(parsed, 'base64');
  // A name the service cannot take holds back only its own file (--name replaces the file's own name).
  const refused = [
    ...(target.fileName === undefined ? refuseUnusableNames(files) : []),
    ...emptyFolders,
  ].sort((a, b) => a.index - b.index);
  const sendable = files.filter((_, i) => !refused.some((r) => r.index === i));
  for (const r of refused) ctx.stderr.write(`kiedrop: ${refusedLine(r)}\n`);
  if (base64) for (const file of sendable) await checkBase64Size(file);
  if (sendable.length === 0) {
    if (json) ctx.stdout.write(`${JSON.stringify(refused.map(refusedJson), null, 2)}\n`);
    throw new CliFailure(refusedSummary(refused.length, files.length));
  }

  // --keep-metadata: a photo sent with its GPS position needs no note about it.
  const session = { needsKey: true, concurrency, keepsMetadata: image.image?.stripMetadata === false };
  const code = await withEngine(ctx, parsed, session, async ({ engine, key }) => {
    mentionEarlierWork(ctx, engine);
    const spooled = fromStdin ? await spoolStdin(ctx, cliDataDir(ctx), target.fileName ?? 'stdin') : null;
    const paths = spooled === null ? sendable : [spooled];
    const batchId = randomUUID();
    const stepsSeen = [
      engine.on('job', (job) => {
        if (job.status === 'uploading') markStep('sending');
      }),
      engine.on('history', () => markStep('recorded')),
    ];
    const jobs = await enqueueOrExplain(
      () =>
        engine.queue.enqueueFiles([...paths], {
          source: 'cli',
          method: base64 ? 'base64' : 'stream',
          uploadPath: target.uploadPath,
          fileName: target.fileName,
          overwrite,
          batchId,
          ...image,
          ...naming,
        }),
      ctx.now(),
    );
    markStep('queued');
    // One job per sent argument, in order: messages name each file the way it was typed.
    const typed = new Map<number, string>(
      jobs.map((job, i) => [job.id, spooled === null ? (sendable[i] ?? job.fileName) : '(stdin)']),
    );
    const label = (job: JobSnapshot): string => typed.get(job.id) ?? job.localPath ?? job.fileName;
    // By job id: the link as copied, and its history entry.
    const copied = new Map<number, { link: string; historyId: number }>();
    const onDone = copy
      ? (entry: HistoryEntry, job: JobSnapshot): void =>
          void copied.set(job.id, { link: formatLink(entry, format ?? 'url'), historyId: entry.id })
      : undefined;
    const result = await runJobs(ctx, engine, { jobs, batchId, json: json || plain, label, onDone });
    for (const off of stepsSeen) off();
    markStep('uploads finished');
    // Kept while it may still be sent: waiting for `queue --resume`, or failed for `queue --retry-failed`.
    if (spooled !== null && result.jobs.every((j) => j.status === 'done' || j.status === 'cancelled')) {
      await dropSpool(spooled);
    }
    if (json) {
      const sent: object[] = result.jobs.map((job) => ({
        file: label(job),
        ...jobJson(job, result.entries.get(job.id) ?? engine.history.getByJobId(job.id)),
      }));
      // Back in the order the files were given, refused ones in their places.
      const outcomes = files.map((_, i) => {
        const r = refused.find((x) => x.index === i);
        return r === undefined ? sent.shift() : refusedJson(r);
      });
      ctx.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
      markStep('links printed');
    }
    if (plain) {
      const links = result.jobs.flatMap((job) => {
        const entry = result.entries.get(job.id);
        return entry ? [entry.downloadUrl] : [];
      });
      if (links.length > 0) ctx.stdout.write(`${links.join('\n')}\n`);
    }
    // In the order given: job ids grow in the order the files were queued.
    if (copy) {
      const inOrder = [...copied.entries()].sort((a, b) => a[0] - b[0]).map(([, done]) => done);
      await copyLinks(
        ctx,
        inOrder.map((done) => done.link),
        { db: engine.db, historyIds: inOrder.map((done) => done.historyId) },
      );
    }
    return finishRun(ctx, engine, result, key, { json });
  });
  if (refused.length === 0) return code;
  // Said last, below the links, so it is not lost above a long batch.
  ctx.stderr.write(`kiedrop: ${refusedSummary(refused.length, files.length)}\n`);
  return code === EXIT_OK ? EXIT_FAILURE : code;
}
