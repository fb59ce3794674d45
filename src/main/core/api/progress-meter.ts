// Turns a running byte count into UploadProgress with a rate smoothed over a sliding window,
// so the speed shown does not jump with every chunk.
import type { UploadProgress } from './types';

const DEFAULT_WINDOW_MS = 3000;

export interface ProgressMeter {
  /** Records the new total of bytes sent and returns the progress to report. */
  update(sent: number): UploadProgress;
}

export function createProgressMeter(
  total: number,
  options: { windowMs?: number; now?: () => number } = {},
): ProgressMeter {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const now = options.now ?? (() => performance.now());
  const samples: { t: number; sent: number }[] = [{ t: now(), sent: 0 }];

  return {
    update(sent) {
      const t = now();
      samples.push({ t, sent });
      // Keep one sample older than the window so the rate always spans about windowMs.
      while (samples.length > 2 && (samples[1]?.t ?? t) <= t - windowMs) samples.shift();
      const first = samples[0] ?? { t, sent };
      const elapsedMs = t - first.t;
      const rate = elapsedMs > 0 ? ((sent - first.sent) * 1000) / elapsedMs : 0;
      return { sent, total, rate: Math.max(0, rate) };
    },
  };
}
