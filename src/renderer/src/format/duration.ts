// Time spans in the two largest units ("2 d 4 h", "3 h 10 min", "1 min 5 s"), in the window's language.
import type { TFunction } from '../i18n/messages';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type Unit = 'd' | 'h' | 'min' | 's';
const STEPS: ReadonlyArray<[Unit, number]> = [
  ['d', DAY],
  ['h', HOUR],
  ['min', MINUTE],
  ['s', SECOND],
];

function unitText(unit: Unit, n: number, t: TFunction): string {
  switch (unit) {
    case 'd':
      return t('unit.days', { n });
    case 'h':
      return t('unit.hours', { n });
    case 'min':
      return t('unit.minutes', { n });
    case 's':
      return t('unit.seconds', { n });
  }
}

/**
 * Floors to `smallest` (a countdown must never promise time that is not there), then shows at most
 * `parts` units starting from the largest non-zero one. A zero inner unit ends the span: "2 d", not "2 d 0 h".
 */
export function formatSpan(ms: number, t: TFunction, opts: { smallest: 'min' | 's'; parts: 1 | 2 }): string {
  const units = STEPS.slice(0, opts.smallest === 'min' ? 3 : 4);
  const [smallestUnit, smallestSize] = units[units.length - 1] as [Unit, number];
  let rest = Math.floor(Math.max(0, ms) / smallestSize) * smallestSize;
  const first = units.findIndex(([, size]) => rest >= size);
  if (first === -1) return unitText(smallestUnit, 0, t);
  const shown: string[] = [];
  for (let i = first; i < units.length && shown.length < opts.parts; i += 1) {
    const [unit, size] = units[i] as [Unit, number];
    const n = Math.floor(rest / size);
    if (n === 0) break;
    rest -= n * size;
    shown.push(unitText(unit, n, t));
  }
  return shown.join(' ');
}

/** "12 s left", "3 min 5 s left"; null while the speed is still unknown. */
export function formatEta(etaMs: number | null, t: TFunction): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs < 0) return null;
  // Rounded up to the second: "0 s left" while bytes are still going out would read as stuck.
  const ms = Math.ceil(etaMs / SECOND) * SECOND;
  return t('eta.left', { duration: formatSpan(Math.max(ms, SECOND), t, { smallest: 's', parts: 2 }) });
}

/** "retry in 12 s" for a job waiting out its backoff. */
export function formatRetryIn(msUntilRetry: number, t: TFunction): string {
  if (msUntilRetry <= SECOND / 2) return t('job.retryingNow');
  const ms = Math.ceil(msUntilRetry / SECOND) * SECOND;
  return t('job.retryIn', { duration: formatSpan(ms, t, { smallest: 's', parts: 2 }) });
}
