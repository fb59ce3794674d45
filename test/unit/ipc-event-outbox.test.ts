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

  it('keeps only the latest progress of each job while held', () => {
    const { outbox, summary } = recorder();
    outbox.emit('progress', job(1, 10));
    outbox.emit('progress', job(2, 5));
    outbox.emit('progress', job(1, 40));
    outbox.emit('job', job(2, 100, 'done'));
    outbox.emit('progress', job(1, 90));
    outbox.ready();
    expect(summary()).toEqual(['progress:2@5', 'job:2@100', 'progress:1@90']);
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
