// Turns the client's raw byte counts into JobProgress and decides which updates are worth an
// event: at most one per interval (a fast disk reports thousands per second, which would flood
// the window over IPC), but always the final 100 %, so a bar never stops at 97 %.
import type { UploadProgress } from '../api';
import type { JobProgress } from './types';

export function toJobProgress(p: UploadProgress): JobProgress {
  const done = p.total <= 0 || p.sent >= p.total;
  const percent = done ? 100 : (p.sent / p.total) * 100;
  let etaMs: number | null = null;
  if (done) etaMs = 0;
  else if (p.rate > 0) etaMs = Math.round(((p.total - p.sent) / p.rate) * 1000);
  return { sent: p.sent, total: p.total, rate: p.rate, etaMs, percent };
}

export interface ProgressThrottle {
  /** The progress to report now, or null when this update should be dropped. */
  update(p: UploadProgress): JobProgress | null;
}

export function createProgressThrottle(
  intervalMs: number,
  clock: () => number = () => performance.now(),
): ProgressThrottle {
  let lastAt = Number.NEGATIVE_INFINITY;
  let finished = false;
  return {
    update(p) {
      const progress = toJobProgress(p);
      if (finished) return null;
      if (progress.percent === 100) {
        finished = true;
        return progress;
      }
      const t = clock();
      if (t - lastAt < intervalMs) return null;
      lastAt = t;
      return progress;
    },
  };
}
