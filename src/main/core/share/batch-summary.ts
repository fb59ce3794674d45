// The one notification a batch ends with. The title answers "did it work?" at a glance; the body
// names what went wrong so nobody has to open the app to find out which file failed and why.
import path from 'node:path';
import { ENGLISH_BATCH_WORDS } from './batch-words';
import type { BatchWords } from './batch-words';
import type { BatchOutcome } from './upload-batch';

export interface Notice {
  title: string;
  body: string;
}

export interface SummaryInput {
  outcome: Pick<
    BatchOutcome,
    'uploaded' | 'failures' | 'waiting' | 'pausedMessage' | 'pausedReason' | 'copied' | 'copyError'
  >;
  /** Shared paths that do not exist. */
  missing?: readonly string[];
  /** Shared paths that could not be read. */
  unreadable?: readonly { path: string; message: string }[];
  /** The language it is said in; English when not given. */
  words?: BatchWords;
}

/** Notification bodies are cut off by every OS after a few lines. */
const MAX_DETAIL_LINES = 4;

function detailLines(lines: string[], words: BatchWords): string[] {
  if (lines.length <= MAX_DETAIL_LINES) return lines;
  const shown = lines.slice(0, MAX_DETAIL_LINES - 1);
  return [...shown, words.andMore(lines.length - shown.length)];
}

export function summarizeBatch(input: SummaryInput): Notice {
  const { outcome } = input;
  const words = input.words ?? ENGLISH_BATCH_WORDS;
  const missing = input.missing ?? [];
  const unreadable = input.unreadable ?? [];
  const ok = outcome.uploaded.length;
  const failed = outcome.failures.length;
  const waiting = outcome.waiting.length;
  const total = ok + failed + waiting + missing.length + unreadable.length;

  const problems: string[] = [];
  if (failed > 0) problems.push(words.failed(failed));
  if (missing.length > 0) problems.push(words.notFound(missing.length));
  if (unreadable.length > 0) problems.push(words.unreadable(unreadable.length));
  if (waiting > 0) problems.push(words.waiting(waiting));

  let title: string;
  if (problems.length === 0) {
    const only = outcome.uploaded[0];
    const what = ok === 1 && only !== undefined ? only.fileName : words.files(ok);
    title = words.uploaded(what, outcome.copied ? ok : null);
  } else if (ok === 0) {
    title = words.nothingUploaded(words.problems(problems));
  } else {
    title = words.someUploaded(ok, total, words.problems(problems));
  }

  const lines: string[] = [];
  for (const f of outcome.failures) lines.push(words.failureLine(f.fileName, words.reason(f)));
  for (const p of missing) lines.push(words.notFoundLine(p));
  for (const u of unreadable) lines.push(words.failureLine(path.basename(u.path) || u.path, u.message));
  if (waiting > 0) lines.push(words.waitingLine(outcome.pausedMessage, outcome.pausedReason));
  const body = detailLines(lines, words);
  if (outcome.copyError !== null) body.unshift(words.copyFailed(ok, outcome.copyError));
  else if (problems.length > 0 && outcome.copied) body.unshift(words.linksCopied(ok));
  else if (problems.length === 0) body.push(words.pasteHint(ok));
  return { title, body: body.join('\n') };
}
