// Events wait for the window: held until it says it is ready, then sent in order; progress for one job
// keeps only its latest snapshot while held.
import { describe, expect, it } from 'vitest';
import { createEventOutbox } from '../../src/main/core/app-service';
import type { EventChannel, JobSnapshot } from '../../src/shared/ipc-contract';
import { jobSnapshot } from '../support/job-snapshot';

function job(id: number, percent: number, status: JobSnapshot['status'] = 'uploading'): JobSnapshot {
  return jobSnapshot(id, {
    status,
    phase: 'sending',
    localPath: `/tmp/${id}.bin`,
    fileName: `${id}.bin`,
    location: `kiedrop/${id}.bin`,
    size: 100,
    attempts: 1,
    progress: { sent: percent, total: 100, rate: 10, etaMs: null, percent },
  });
}

function recorder() {
  const sent: { event: EventChannel; payload: unknown }[] = [];
  const outbox = createEventOutbox((event, payload) => void sent.push({ event, payload }));
  const summary = () =>
    sent.map(({ event, payload }) =>
      event === 'progress' || event === 'job'
        ? `${event}:${(payload as JobSnapshot).id}@${(payload as JobSnapshot).progress?.percent}`
        : event,
    );
  return { sent, outbox, summary };
}

describe('the event outbox', () => {
  it('sends nothing before ready, then everything in the order it happened', () => {
    const { outbox, sent, summary } = recorder();
    outbox.emit('notice', { level: 'warning', message: 'settings were reset' });
    outbox.emit('job', job(1, 0));
    outbox.emit('credits', 42);
    expect(sent).toEqual([]);
    outbox.ready();
    expect(summary()).toEqual(['notice', 'job:1@0', 'credits']);
    outbox.emit('credits', 41);
    expect(summary()).toEqual(['notice', 'job:1@0', 'credits', 'credits']);
  });

  it('keeps only the newest snapshot of each job while held', () => {
    const { outbox, summary } = recorder();
    outbox.emit('progress', job(1, 10));
    outbox.emit('progress', job(2, 5));
    outbox.emit('progress', job(1, 40));
    outbox.emit('job', job(2, 100, 'done'));
    outbox.emit('progress', job(1, 90));
    outbox.ready();
    expect(summary()).toEqual(['job:2@100', 'progress:1@90']);
  });

  it('keeps no state for a window that is not there, so reopening replays nothing stale', () => {
    // Days in the tray: thousands of uploads while the window is closed.
    const { outbox, sent, summary } = recorder();
    outbox.ready();
    outbox.detach();
    for (let id = 1; id <= 5000; id += 1) {
      outbox.emit('job', job(id, 100, 'done'));
      outbox.emit('history', {});
      outbox.emit('credits', 5000 - id);
    }
    outbox.emit('notice', { level: 'error', message: 'a watched folder is gone' });
    expect(outbox.heldCount).toBe(1);
    // The new window loads (and reads the current state itself), then says it is ready.
    outbox.hold();
    outbox.emit('job', job(9, 50));
    outbox.ready();
    expect(summary()).toEqual(['notice', 'job:9@50']);
    expect(sent).toHaveLength(2);
  });

  it('keeps only the newest notices and the entry to show while no window is there', () => {
    const { outbox, sent } = recorder();
    outbox.detach();
    for (let n = 1; n <= 100; n += 1) outbox.emit('notice', { level: 'info', message: `notice ${n}` });
    outbox.emit('show-entry', 3);
    outbox.emit('show-entry', 4);
    outbox.ready();
    const notices = sent
      .filter((s) => s.event === 'notice')
      .map((s) => (s.payload as { message: string }).message);
    expect(notices).toHaveLength(20);
    expect(notices.at(-1)).toBe('notice 100');
    expect(sent.filter((s) => s.event === 'show-entry').map((s) => s.payload)).toEqual([4]);
  });

  it("holds a 10,000-file batch as each job's newest snapshot, the most recent ones kept", () => {
    const { outbox, sent } = recorder();
    for (const percent of [0, 50, 100]) {
      for (let id = 1; id <= 10_000; id += 1) {
        outbox.emit(
          percent === 100 ? 'job' : 'progress',
          job(id, percent, percent === 100 ? 'done' : 'uploading'),
        );
      }
    }
    outbox.ready();
    const jobs = sent.map((s) => s.payload as JobSnapshot);
    expect(jobs).toHaveLength(1000);
    expect(jobs.map((j) => j.id)).toEqual(Array.from({ length: 1000 }, (_, i) => 9001 + i));
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('sends every progress event once the window is listening', () => {
    const { outbox, summary } = recorder();
    outbox.ready();
    outbox.emit('progress', job(1, 10));
    outbox.emit('progress', job(1, 20));
    expect(summary()).toEqual(['progress:1@10', 'progress:1@20']);
  });

  it('holds again while the window reloads', () => {
    const { outbox, summary } = recorder();
    outbox.ready();
    outbox.hold();
    outbox.emit('show-entry', 7);
    expect(summary()).toEqual([]);
    expect(outbox.isReady).toBe(false);
    outbox.ready();
    expect(summary()).toEqual(['show-entry']);
  });
});
