// The one notification a batch ends with. The title answers "did it work?" at a glance; the body
// names what went wrong so nobody has to open the app to find out which file failed and why.
import path from 'node:path';
import type { BatchOutcome } from './upload-batch';

export interface Notice {
  title: string;
  body: string;
}

export interface SummaryInput {
  outcome: Pick<BatchOutcome, 'uploaded' | 'failures' | 'waiting' | 'pausedMessage' | 'copied' | 'copyError'>;
  /** Shared paths that do not exist. */
  missing?: readonly string[];
  /** Shared paths that could not be read. */
  unreadable?: readonly { path: string; message: string }[];
}

/** Notification bodies are cut off by every OS after a few lines. */
const MAX_DETAIL_LINES = 4;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function detailLines(lines: string[]): string[] {
  if (lines.length <= MAX_DETAIL_LINES) return lines;
  const shown = lines.slice(0, MAX_DETAIL_LINES - 1);
  return [...shown, `…and ${lines.length - shown.length} more`];
}

export function summarizeBatch(input: SummaryInput): Notice {
  const { outcome } = input;
  const missing = input.missing ?? [];
  const unreadable = input.unreadable ?? [];
  const ok = outcome.uploaded.length;
  const failed = outcome.failures.length;
  const waiting = outcome.waiting.length;
  const total = ok + failed + waiting + missing.length + unreadable.length;
  const linkWord = ok === 1 ? 'link' : 'links';

  const problems: string[] = [];
  if (failed > 0) problems.push(`${failed} failed`);
  if (missing.length > 0) problems.push(`${missing.length} not found`);
  if (unreadable.length > 0) problems.push(`${unreadable.length} unreadable`);
  if (waiting > 0) problems.push(`${waiting} waiting`);

  let title: string;
  if (problems.length === 0) {
    const only = outcome.uploaded[0];
    const what = ok === 1 && only !== undefined ? only.fileName : plural(ok, 'file', 'files');
    title = outcome.copied ? `${what} uploaded — ${linkWord} copied` : `${what} uploaded`;
  } else if (ok === 0) {
    title = `Nothing uploaded; ${problems.join(', ')}`;
  } else {
    title = `${ok} of ${total} uploaded; ${problems.join(', ')}`;
  }

  const lines: string[] = [];
  for (const f of outcome.failures) lines.push(`${f.fileName}: ${f.message}`);
  for (const p of missing) lines.push(`Not found: ${p}`);
  for (const u of unreadable) lines.push(`${path.basename(u.path) || u.path}: ${u.message}`);
  if (waiting > 0) lines.push(`Waiting: ${outcome.pausedMessage ?? 'the upload queue is paused'}`);
  const body = detailLines(lines);
  if (outcome.copyError !== null) body.unshift(`The ${linkWord} could not be copied: ${outcome.copyError}`);
  else if (problems.length > 0 && outcome.copied) body.unshift(`${plural(ok, 'link', 'links')} copied.`);
  else if (problems.length === 0)
    body.push(
      ok === 1
        ? 'Paste it anywhere; it works for 3 days.'
        : 'Paste them anywhere, one per line; they work for 3 days.',
    );
  return { title, body: body.join('\n') };
}
