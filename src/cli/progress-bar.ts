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

/** Names get at least this many columns before any detail is shown: which file it is matters most. */
const MIN_NAME = 16;

/**
 * `photo.png  [█████░░░░░]  42%  4.2 MB / 10.0 MB  1.3 MB/s`, fitted to `columns`. On a narrow terminal
 * the details go first (rate, then sizes, then a shorter bar), so the name stays readable. `note`
 * ("processing") takes the rate's place; `labelWidth` pads names so the bars of a block line up.
 */
export function renderProgressLine(
  label: string,
  p: ProgressState,
  columns: number,
  opts: { note?: string; labelWidth?: number } = {},
): string {
  const fraction = p.total > 0 ? Math.min(1, Math.max(0, p.sent / p.total)) : 0;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const bar = (width: number): string => {
    const filled = Math.round(fraction * width);
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
  };
  const sizes = `${formatBytes(p.sent)} / ${formatBytes(p.total)}`;
  const last = opts.note ?? formatRate(p.rate);
  const tails = [
    `${bar(BAR_WIDTH)} ${percent}  ${sizes}  ${last}`,
    `${bar(BAR_WIDTH)} ${percent}  ${opts.note ?? sizes}`,
    `${bar(10)} ${percent}${opts.note === undefined ? '' : `  ${opts.note}`}`,
    `${bar(10)} ${percent}`,
    percent.trim(),
  ];
  // Leave the last column free: writing into it makes some terminals wrap.
  const width = columns - 1;
  const target = Math.max(1, opts.labelWidth ?? label.length);
  const want = Math.min(target, MIN_NAME);
  // The whole name with as much detail as fits; failing that, a readable part of it.
  const fits = (room: number) => (t: string) => width - t.length - 2 >= room;
  const tail = tails.find(fits(target)) ?? tails.find(fits(want)) ?? (tails.at(-1) as string);
  const room = width - tail.length - 2;
  if (room < 4) return truncate(label, width).trimEnd();
  return `${truncate(label, Math.min(room, target))}  ${tail}`;
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
