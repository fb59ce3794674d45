// Everything uploading now as one summary, for the places too small for a job list: the tray's tooltip
// and the drop window's ring. A "burst" runs from the first job after a quiet moment to the last one
// finishing; its counts start again with the next burst, so "3 of 3 done" never turns into "3 of 57".
import type { Engine } from '../engine';
import { IDLE_ACTIVITY } from '../../../shared/desktop';
import type { JobSnapshot, PauseInfo, UploadActivity } from '../../../shared/ipc-contract';

export interface UploadActivityTracker {
  get(): UploadActivity;
  /** History ids of the uploads that went up in the latest burst, in the order they finished. */
  doneHistoryIds(): number[];
  /** Called with each changed summary; returns the unsubscribe function. */
  on(listener: (activity: UploadActivity) => void): () => void;
  dispose(): void;
}

/** How far along a queued or running job is, 0–1: its share of the burst's progress. */
function fractionOf(job: JobSnapshot): number {
  const sent = job.progress?.sent ?? 0;
  const total = job.progress?.total ?? job.size ?? 0;
  return total > 0 ? Math.min(1, sent / total) : 0;
}

function isActive(job: JobSnapshot): boolean {
  return job.status === 'queued' || job.status === 'uploading';
}

function same(a: UploadActivity, b: UploadActivity): boolean {
  return (
    a.phase === b.phase &&
    a.active === b.active &&
    a.done === b.done &&
    a.failed === b.failed &&
    a.fraction === b.fraction &&
    a.pausedMessage === b.pausedMessage &&
    a.pausedReason === b.pausedReason
  );
}

export function createUploadActivity(engine: Pick<Engine, 'on' | 'queue'>): UploadActivityTracker {
  // Each active job's fraction, and their sum kept as they change: an event costs the same with 10 or
  // 10,000 jobs queued (the summary is computed on every job and progress event).
  const active = new Map<number, number>();
  let activeProgress = 0;
  let done = 0;
  let failed = 0;
  let doneIds: number[] = [];
  let started = false;
  let paused: PauseInfo | null = engine.queue.paused;
  let last: UploadActivity = IDLE_ACTIVITY;
  const listeners = new Set<(activity: UploadActivity) => void>();

  function compute(): UploadActivity {
    if (!started) return IDLE_ACTIVITY;
    const progress = done + failed + Math.max(0, activeProgress);
    const count = done + failed + active.size;
    // Rounded to a tenth of a percent: finer steps only cost repaints nobody can see.
    const fraction = count > 0 ? Math.round((progress / count) * 1000) / 1000 : 0;
    let phase: UploadActivity['phase'];
    if (active.size > 0) phase = paused ? 'paused' : 'uploading';
    else phase = failed > 0 ? 'failed' : 'done';
    return {
      phase,
      active: active.size,
      done,
      failed,
      fraction,
      pausedMessage: active.size > 0 && paused ? paused.message : null,
      pausedReason: active.size > 0 && paused ? paused.reason : null,
    };
  }

  function publish(): void {
    const next = compute();
    if (same(next, last)) return;
    last = next;
    for (const listener of [...listeners]) listener(next);
  }

  function track(job: JobSnapshot): void {
    if (isActive(job)) {
      if (!active.has(job.id) && active.size === 0) {
        // A new burst: the last one's counts are history now.
        done = 0;
        failed = 0;
        doneIds = [];
        activeProgress = 0;
      }
      started = true;
      const fraction = fractionOf(job);
      activeProgress += fraction - (active.get(job.id) ?? 0);
      active.set(job.id, fraction);
    } else if (active.has(job.id)) {
      activeProgress -= active.get(job.id) ?? 0;
      active.delete(job.id);
      // Sums of fractions drift by rounding; an empty burst is exactly nothing in flight.
      if (active.size === 0) activeProgress = 0;
      if (job.status === 'done') {
        done += 1;
        if (job.historyId !== null) doneIds.push(job.historyId);
      } else if (job.status === 'failed') failed += 1;
    }
    publish();
  }

  // Jobs left over from the last run are part of the first burst.
  for (const job of engine.queue.list({ status: ['queued', 'uploading'] })) track(job);

  const offs = [
    engine.on('job', track),
    engine.on('progress', track),
    engine.on('paused', (info) => {
      paused = info;
      publish();
    }),
    engine.on('resumed', () => {
      paused = null;
      publish();
    }),
  ];

  return {
    get: () => last,
    doneHistoryIds: () => [...doneIds],
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      for (const off of offs) off();
      listeners.clear();
    },
  };
}
