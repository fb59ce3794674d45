import type { JobSnapshot } from '../main/core/queue';
import type { OutputStream } from './context';
import { formatBytes, formatDuration, formatRate } from './format';
import { MIN_REDRAW_MS, renderProgressLine } from './progress-bar';

// A block of lines on stderr for a batch: one per upload in flight and a total line. The block is
// redrawn in place at most every MIN_REDRAW_MS (terminals choke on thousands of redraws a second), and
// erased around every result line so links never get mixed up with bars.

/** More lines than this would push the links off a small terminal; the total line still counts all. */
export const MAX_ACTIVE_LINES = 8;
const BAR_WIDTH = 20;

function fractionOf(job: JobSnapshot): number {
  if (job.status === 'done') return 1;
  if (job.status !== 'uploading' || job.progress === null) return 0;
  const { sent, total } = job.progress;
  return total > 0 ? Math.min(1, Math.max(0, sent / total)) : 0;
}

function fit(text: string, columns: number): string {
  // Leave the last column free: writing into it makes some terminals wrap, which breaks redrawing.
  const width = Math.max(0, columns - 1);
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** What one job adds to the totals; a job's old contribution is taken out before its new one goes in. */
interface Share {
  size: number;
  done: number;
  failed: number;
  retrying: number;
}

function shareOf(job: JobSnapshot): Share {
  return {
    size: job.size ?? 0,
    done: job.status === 'done' ? 1 : 0,
    failed: job.status === 'failed' || job.status === 'cancelled' ? 1 : 0,
    retrying: job.status === 'queued' && job.phase === 'retrying' ? 1 : 0,
  };
}

/**
 * A batch's totals, kept up to date one job change at a time: the cost of a change and of a redraw does
 * not grow with the batch. Finished jobs are folded into counters and forgotten; only unfinished jobs
 * (a few numbers each) and those in flight are kept.
 */
export class BatchTally {
  count = 0;
  done = 0;
  failed = 0;
  retrying = 0;
  bytes = 0;
  /** Bytes of the files that are done. */
  doneBytes = 0;
  private readonly open = new Map<number, Share>();
  private readonly flying = new Map<number, JobSnapshot>();

  set(job: JobSnapshot): void {
    const before = this.open.get(job.id);
    // A job not open is new: the caller stops passing a job once it has finished.
    if (before === undefined) this.count++;
    else this.add(before, -1);
    const share = shareOf(job);
    this.add(share, 1);
    if (job.status === 'uploading') this.flying.set(job.id, job);
    else this.flying.delete(job.id);
    if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') {
      this.open.delete(job.id);
      if (job.status === 'done') this.doneBytes += share.size;
    } else {
      this.open.set(job.id, share);
    }
  }

  /** Uploads in flight, oldest first. */
  inFlight(): JobSnapshot[] {
    return [...this.flying.values()].sort((a, b) => a.id - b.id);
  }

  /** Bytes sent so far: the files done and the share sent of those in flight. Progress counts multipart
   * framing too, so it is scaled to the file's own size. */
  sentBytes(): number {
    let sent = this.doneBytes;
    for (const job of this.flying.values()) sent += fractionOf(job) * (job.size ?? 0);
    return sent;
  }

  rate(): number {
    let rate = 0;
    for (const job of this.flying.values()) rate += job.progress?.rate ?? 0;
    return rate;
  }

  private add(share: Share, sign: 1 | -1): void {
    this.bytes += sign * share.size;
    this.done += sign * share.done;
    this.failed += sign * share.failed;
    this.retrying += sign * share.retrying;
  }
}

/** The tally of a list of jobs (each job once, in its latest state). */
export function tallyOf(jobs: readonly JobSnapshot[]): BatchTally {
  const tally = new BatchTally();
  for (const job of jobs) tally.set(job);
  return tally;
}

/** "12 s", "4 min": how long is left, never "about less than a minute". */
function timeLeft(ms: number): string {
  return ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))} s` : formatDuration(ms);
}

/** `Total  [███░░░]  42%  12/40 done, 1 failed, 2 retrying  4.2 MB / 10.0 MB  1.3 MB/s  about 12 s left`;
 * on a narrow terminal the bar shrinks first, then the details at the end are left out whole (never cut). */
export function renderTotalLine(tally: BatchTally, columns: number): string {
  const { bytes, done, failed, retrying, count } = tally;
  const sentBytes = tally.sentBytes();
  const rate = tally.rate();
  const fraction = bytes > 0 ? sentBytes / bytes : count > 0 ? done / count : 0;
  const bar = (width: number): string => {
    const filled = Math.round(fraction * width);
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
  };
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const counts = [
    `${done}/${count} done`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    ...(retrying > 0 ? [`${retrying} retrying`] : []),
  ].join(', ');
  const details = [`${formatBytes(sentBytes)} / ${formatBytes(bytes)}`];
  if (rate > 0) {
    details.push(formatRate(rate));
    const left = (bytes - sentBytes) / rate;
    if (left > 0) details.push(`about ${timeLeft(left * 1000)} left`);
  }
  const width = Math.max(0, columns - 1);
  for (let keep = details.length; keep >= 0; keep--) {
    for (const barWidth of [BAR_WIDTH, 10]) {
      const line = [`Total  ${bar(barWidth)} ${percent}`, counts, ...details.slice(0, keep)].join('  ');
      if (line.length <= width) return line;
    }
  }
  return fit(`Total ${percent.trim()}  ${counts}`, columns);
}

/** The whole block: uploads in flight (oldest first, capped), then the total line. */
export function renderBatchLines(tally: BatchTally, columns: number): string[] {
  const active = tally.inFlight().slice(0, MAX_ACTIVE_LINES);
  // One name width for the block, so the bars line up; "processing" takes the rate's place, not the name's.
  const labelWidth = Math.min(40, Math.max(0, ...active.map((job) => job.fileName.length)));
  const lines = active.map((job) => {
    const p = job.progress ?? { sent: 0, total: job.size ?? 0, rate: 0 };
    const note = job.phase === 'processing' ? 'processing' : undefined;
    return fit(renderProgressLine(job.fileName, p, columns, { labelWidth, note }), columns);
  });
  lines.push(renderTotalLine(tally, columns));
  return lines;
}

export interface BatchProgressView {
  /** A job of the batch changed (status, phase or progress). Not called again once it has finished. */
  track(job: JobSnapshot): void;
  /** Erases the block, runs `write` (a result line), and draws the block again below it. */
  above(write: () => void): void;
  /** Erases the block for good. */
  close(): void;
}

export interface BatchProgressOptions {
  stream: OutputStream;
  columns: number;
  now: () => number;
  /** Injected so tests can drive the throttle without waiting. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createBatchProgress(opts: BatchProgressOptions): BatchProgressView {
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout));
  const tally = new BatchTally();
  let drawnLines = 0;
  // The first draw waits one interval: a batch that finishes at once never flashes a bar, and all jobs
  // queued together are counted in it.
  let lastDraw = opts.now();
  let timer: unknown;
  let closed = false;

  const erase = (): void => {
    // Cursor sits on the line below the block: go up to its first line and clear to the end of screen.
    if (drawnLines > 0) opts.stream.write(`\x1b[${drawnLines}A\r\x1b[0J`);
    drawnLines = 0;
  };
  const draw = (): void => {
    timer = undefined;
    if (closed) return;
    lastDraw = opts.now();
    const lines = renderBatchLines(tally, opts.columns);
    erase();
    opts.stream.write(lines.map((l) => `${l}\n`).join(''));
    drawnLines = lines.length;
  };
  const schedule = (): void => {
    if (closed || timer !== undefined) return;
    const wait = lastDraw + MIN_REDRAW_MS - opts.now();
    if (wait <= 0) draw();
    else timer = setTimer(draw, wait);
  };

  return {
    track(job) {
      tally.set(job);
      schedule();
    },
    above(write) {
      erase();
      write();
      // Not drawn at once: a burst of small files finishing would otherwise redraw hundreds of times a second.
      if (tally.count > 0) schedule();
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      erase();
    },
  };
}
