// The tray's and drop window's one-line summary of a burst of uploads, fed by the engine's events as they
// arrive: counts and the overall fraction stay right through a 10,000-file batch.
import { describe, expect, it } from 'vitest';
import { createUploadActivity } from '../../src/main/core/app-service/upload-activity';
import { createEventHub } from '../../src/main/core/events/event-hub';
import type { QueueEvents, UploadQueue } from '../../src/main/core/queue';
import type { JobSnapshot } from '../../src/shared/domain';
import { jobSnapshot } from '../support/job-snapshot';

function tracker() {
  const hub = createEventHub<QueueEvents>();
  // Nothing left from an earlier run: the queue starts empty.
  const queue = { list: () => [], paused: null } as unknown as UploadQueue;
  const activity = createUploadActivity({ on: hub.on, queue });
  return { hub, activity };
}

const sending = (id: number, sent: number): JobSnapshot =>
  jobSnapshot(id, {
    status: 'uploading',
    phase: 'sending',
    progress: { sent, total: 1000, rate: 1, etaMs: null, percent: sent / 10 },
  });

describe('upload activity', () => {
  it('follows a 10,000-file burst: counts, the fraction done, and the end', () => {
    const { hub, activity } = tracker();
    const N = 10_000;
    for (let id = 1; id <= N; id += 1) hub.emit('job', jobSnapshot(id));
    expect(activity.get()).toMatchObject({ phase: 'uploading', active: N, done: 0, fraction: 0 });
    for (let id = 1; id <= N / 2; id += 1) {
      hub.emit('progress', sending(id, 500));
      hub.emit('job', jobSnapshot(id, { status: 'done', phase: null }));
    }
    hub.emit('progress', sending(N, 500));
    // Half the files done and half of one more file: 5000.5 of 10,000.
    expect(activity.get()).toMatchObject({ active: N / 2, done: N / 2, fraction: 0.5 });
    hub.emit('job', jobSnapshot(N - 1, { status: 'failed', phase: null }));
    for (let id = N / 2 + 1; id <= N; id += 1) {
      if (id !== N - 1) hub.emit('job', jobSnapshot(id, { status: 'done', phase: null }));
    }
    expect(activity.get()).toEqual({
      phase: 'failed',
      active: 0,
      done: N - 1,
      failed: 1,
      fraction: 1,
      pausedMessage: null,
      pausedReason: null,
    });
  });
});
