import { formatBytes, formatRate } from './format';
import type { OutputStream } from './context';

// One redrawn line on stderr per upload. Terminals choke on thousands of redraws a second, so it redraws at
// most every MIN_REDRAW_MS, but always draws 100% so the last thing seen is the truth.

export const MIN_REDRAW_MS = 100;
const BAR_WIDTH = 20;

export interface ProgressState {
  sent: number;
  total: number;
  /** bytes per second */
  rate: number;
}

function truncate(text: string, width: number): string {
  if (width <= 1) return '';
  return text.length <= width ? text.padEnd(width) : `${text.slice(0, width - 1)}…`;
}

/** `photo.png  [█████░░░░░]  42%  4.2 MB / 10.0 MB  1.3 MB/s`, fitted to `columns`. */
export function renderProgressLine(label: string, p: ProgressState, columns: number): string {
  const fraction = p.total > 0 ? Math.min(1, Math.max(0, p.sent / p.total)) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const tail = `${bar} ${percent}  ${formatBytes(p.sent)} / ${formatBytes(p.total)}  ${formatRate(p.rate)}`;
  // Leave the last column free: writing into it makes some terminals wrap.
  const room = columns - 1 - tail.length - 2;
  if (room < 4) return tail.slice(0, Math.max(0, columns - 1));
  return `${truncate(label, Math.min(room, Math.max(label.length, 12)))}  ${tail}`;
}

export interface ProgressBar {
  update(p: ProgressState): void;
  /** Erases the line so the result line that follows starts clean. */
  clear(): void;
}

export function createProgressBar(opts: {
  stream: OutputStream;
  label: string;
  columns: number;
  /** milliseconds; injected so throttling is testable */
  now: () => number;
}): ProgressBar {
  let lastDraw = -Infinity;
  let drawn = false;
  let finalDrawn = false;

  return {
    update(p) {
      const t = opts.now();
      const final = p.total > 0 && p.sent >= p.total;
      if (final ? finalDrawn : t - lastDraw < MIN_REDRAW_MS) return;
      lastDraw = t;
      finalDrawn = final;
      drawn = true;
      opts.stream.write(`\r\x1b[2K${renderProgressLine(opts.label, p, opts.columns)}`);
    },
    clear() {
      if (drawn) opts.stream.write('\r\x1b[2K');
      drawn = false;
      finalDrawn = false;
    },
  };
}
