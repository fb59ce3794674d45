import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { validateUploadPath } from '../../main/core/api/validate-input';
import { DEFAULT_CONFIRM_ABOVE, runShareBatch } from '../../main/core/share';
import type { ShareResult } from '../../main/core/share';
import type { ParsedArgs } from '../args';
import { booleanFlag, stringFlag } from '../args';
import { DEFAULT_UPLOAD_PATH } from '../command-table';
import type { CliContext } from '../context';
import { copyLinks, linkFormatFlag } from '../copy-links';
import { cliWording } from '../cli-wording';
import { withEngine } from '../engine-session';
import { CliFailure, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UsageError } from '../errors';
import { shownPath } from '../format';

// `kiedrop share`: the desktop's "Share with KieDrop" from a terminal. Files and folders become one
// batch; when it is done every link is printed (stdout, one per line, in the order given) and put on
// the clipboard in one go through the desktop's own tool, so a script can use either.

const COMMAND = 'share';

function uploadPath(parsed: ParsedArgs): string {
  const value = stringFlag(parsed, 'path') ?? DEFAULT_UPLOAD_PATH;
  try {
    validateUploadPath(value);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), COMMAND);
  }
  return value;
}

function ask(ctx: CliContext, question: string): Promise<boolean> {
  const rl = createInterface({
    input: ctx.stdin,
    output: ctx.stderr as NodeJS.WritableStream,
    terminal: false,
  });
  return new Promise((resolve) => {
    let answered = false;
    rl.question(`${question} [y/N] `, (answer) => {
      answered = true;
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
    // Ctrl-D or a closed stdin means "no".
    rl.on('close', () => {
      if (!answered) resolve(false);
    });
  });
}

function reportProblems(ctx: CliContext, result: ShareResult): void {
  const say = (line: string): void => void ctx.stderr.write(`kiedrop: ${line}\n`);
  for (const p of result.missing) say(`not found: ${shownPath(p)}`);
  for (const u of result.unreadable) say(`${shownPath(u.path)}: ${u.message}`);
  // Files refused for their names are failures too; their message leaves the naming to us.
  for (const f of result.failures) {
    const coded = f.errorCode ? { code: f.errorCode, params: f.errorParams ?? undefined } : null;
    const message = cliWording(f.message, coded);
    say(message.includes(f.source) ? message : `${shownPath(f.source)}: ${message}`);
  }
  if (result.waiting.length > 0) {
    say(`${result.waiting.length} not uploaded yet: ${result.pausedMessage ?? 'the upload queue is paused'}`);
  }
}

export async function runShare(ctx: CliContext, parsed: ParsedArgs): Promise<number> {
  const paths = parsed.positionals;
  if (paths.length === 0)
    throw new UsageError('nothing to share; pass one or more files or folders', COMMAND);
  const format = linkFormatFlag(parsed, COMMAND) ?? 'url';
  const target = uploadPath(parsed);
  const yes = booleanFlag(parsed, 'yes');
  const interactive = ctx.isTTY.stdin && ctx.isTTY.stderr;
  let refusedNonInteractive = false;
  let copiedText = '';

  return withEngine(ctx, parsed, { needsKey: true }, async ({ engine }) => {
    const batchId = randomUUID();
    // Ctrl-C cancels this batch's jobs, so they neither keep running nor wait in the queue for the app.
    const onAbort = (): void => {
      for (const job of engine.queue.list({ batchId })) engine.queue.cancel(job.id);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    let result: ShareResult;
    try {
      result = await runShareBatch(paths, {
        engine,
        settings: {
          uploadPath: target,
          copyFormat: format,
          recurseFolders: booleanFlag(parsed, 'recursive'),
          confirmAbove: DEFAULT_CONFIRM_ABOVE,
        },
        clipboard: { writeText: (text) => void (copiedText = text) },
        notify: () => undefined,
        confirm: async (message) => {
          if (yes) return true;
          if (!interactive) {
            refusedNonInteractive = true;
            return false;
          }
          return ask(ctx, message);
        },
        source: 'cli',
        recurseHint: 'Add --recursive to include files in sub-folders.',
        newBatchId: () => batchId,
      });
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }

    if (ctx.signal.aborted) {
      ctx.stderr.write('kiedrop: cancelled.\n');
      return EXIT_INTERRUPTED;
    }
    switch (result.status) {
      case 'empty':
        throw new CliFailure(`nothing to share.\n${result.message ?? ''}`.trimEnd());
      case 'error':
        throw new CliFailure(result.message ?? 'the share could not start.');
      case 'declined':
        if (refusedNonInteractive) {
          throw new CliFailure(
            `${result.files.length} files is more than ${DEFAULT_CONFIRM_ABOVE}; add --yes to share them without asking.`,
            EXIT_USAGE,
          );
        }
        ctx.stderr.write('kiedrop: nothing shared.\n');
        return EXIT_FAILURE;
      case 'done':
        break;
    }

    for (const link of result.links) ctx.stdout.write(`${link}\n`);
    reportProblems(ctx, result);
    // The batch hands over the links as it would put them on the clipboard: one per line.
    if (copiedText !== '') {
      await copyLinks(ctx, copiedText.split('\n'), {
        db: engine.db,
        historyIds: result.uploaded.map((entry) => entry.id),
      });
    }
    const problems =
      result.failures.length + result.missing.length + result.unreadable.length + result.waiting.length;
    return problems > 0 ? EXIT_FAILURE : EXIT_OK;
  });
}
