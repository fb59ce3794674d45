import { randomUUID } from 'node:crypto';
import { withoutCredentials } from '../../main/core/api/url-credentials';
import { validateHttpUrl } from '../../main/core/api/validate-input';
import type { ParsedArgs } from '../args';
import { booleanFlag } from '../args';
import { enqueueOrExplain } from '../collision';
import type { CliContext } from '../context';
import { withEngine } from '../engine-session';
import { UsageError } from '../errors';
import { jobJson } from '../job-json';
import { runJobs } from '../job-runner';
import { finishRun } from '../run-outcome';
import { mentionEarlierWork } from './upload';
import { uploadTarget } from './upload-target';

const COMMAND = 'upload-url';

export async function runUploadUrl(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const [url, ...extra] = parsed.positionals;
  if (url === undefined) throw new UsageError('no URL given', COMMAND);
  if (extra.length > 0) throw new UsageError(`takes one URL (got ${parsed.positionals.length})`, COMMAND);
  let shown: string;
  try {
    // What messages and --json name: the link without any user name or password in it.
    shown = withoutCredentials(validateHttpUrl(url));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), COMMAND);
  }
  const target = uploadTarget(parsed, COMMAND);
  const overwrite = booleanFlag(parsed, 'overwrite');
  if (overwrite && target.fileName === undefined) {
    throw new UsageError('--overwrite only applies with --name', COMMAND);
  }
  const json = booleanFlag(parsed, 'json');

  return withEngine(ctx, parsed, { needsKey: true }, async ({ engine, key }) => {
    mentionEarlierWork(ctx, engine);
    const batchId = randomUUID();
    const job = await enqueueOrExplain(
      () =>
        engine.queue.enqueueUrl(url.trim(), {
          source: 'url',
          uploadPath: target.uploadPath,
          fileName: target.fileName,
          overwrite,
          batchId,
        }),
      ctx.now(),
    );
    const result = await runJobs(ctx, engine, { jobs: [job], batchId, json, label: () => shown });
    const final = result.jobs[0] ?? job;
    if (json) {
      const entry = result.entries.get(final.id) ?? engine.history.getByJobId(final.id);
      ctx.stdout.write(`${JSON.stringify({ url: shown, ...jobJson(final, entry) }, null, 2)}\n`);
    }
    return finishRun(ctx, engine, result, key, { json });
  });
}
