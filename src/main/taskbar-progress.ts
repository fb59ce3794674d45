// The taskbar/dock progress bar: bytes sent over bytes to send for every upload running now, and no
// bar (-1) when nothing uploads.
import type { BrowserWindow } from 'electron';
import type { Engine } from './core/engine';
import type { JobSnapshot } from '../shared/ipc-contract';

const UPDATE_MS = 250;

export function overallFraction(running: Iterable<{ sent: number; total: number }>): number {
  let sent = 0;
  let total = 0;
  for (const p of running) {
    sent += p.sent;
    total += p.total;
  }
  return total > 0 ? Math.min(1, sent / total) : 0;
}

export function setupTaskbarProgress(
  engine: Pick<Engine, 'on'>,
  getWindow: () => BrowserWindow | null,
): void {
  const running = new Map<number, { sent: number; total: number }>();
  let timer: NodeJS.Timeout | undefined;

  function paint(): void {
    timer = undefined;
    getWindow()?.setProgressBar(running.size > 0 ? overallFraction(running.values()) : -1);
  }

  function track(job: JobSnapshot): void {
    if (job.status === 'uploading')
      running.set(job.id, { sent: job.progress?.sent ?? 0, total: job.progress?.total ?? job.size ?? 0 });
    else running.delete(job.id);
    timer ??= setTimeout(paint, UPDATE_MS);
  }

  engine.on('job', track);
  engine.on('progress', track);
}
