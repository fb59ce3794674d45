// The upload list: rows in the order people dropped them, progress that never runs backwards, an
// overall bar that agrees with its words (failed files count as not sent), and Retry only where it helps.
import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../src/shared/domain';
import {
  applyJobEvent,
  batchProgress,
  batchTone,
  canRetry,
  jobDisplayName,
  orderJobs,
} from '../../src/renderer/src/state/job-list';
import { jobSnapshot } from '../support/job-snapshot';

/** A queued upload of /files/file-<id>.png, queued in id order, named only by its path. */
function job(id: number, patch: Partial<JobSnapshot> = {}): JobSnapshot {
  return jobSnapshot(id, {
    localPath: `/files/file-${id}.png`,
    fileName: '',
    createdAt: 1000 + id,
    ...patch,
  });
}

describe('job events', () => {
  it('ignores a progress tick that arrives after the job finished', () => {
    const done = job(1, {
      status: 'done',
      phase: null,
      progress: { sent: 1000, total: 1000, rate: 0, etaMs: 0, percent: 100 },
    });
    const jobs = applyJobEvent(new Map(), done, 'job');
    const late = job(1, {
      status: 'uploading',
      phase: 'sending',
      progress: { sent: 500, total: 1000, rate: 10, etaMs: 50, percent: 50 },
    });
    expect(applyJobEvent(jobs, late, 'progress').get(1)?.status).toBe('done');
  });

  it('lets a job event bring a failed job back (a retry)', () => {
    const jobs = applyJobEvent(new Map(), job(1, { status: 'failed' }), 'job');
    expect(applyJobEvent(jobs, job(1, { status: 'queued' }), 'job').get(1)?.status).toBe('queued');
  });
});

describe('row order', () => {
  it('shows the newest batch first, and each batch in the order its files were given', () => {
    const rows = [
      job(1, { batchId: 'a' }),
      job(2, { batchId: 'a' }),
      job(3, { batchId: 'b' }),
      job(4, { batchId: 'b' }),
      job(5, { batchId: null }),
    ];
    expect(orderJobs(rows).map((j) => j.id)).toEqual([5, 3, 4, 1, 2]);
  });
});

describe('overall progress', () => {
  it('adds bytes across files and estimates time from the combined speed', () => {
    const rows = [
      job(1, { status: 'done', size: 1000 }),
      job(2, {
        status: 'uploading',
        phase: 'sending',
        size: 1000,
        progress: { sent: 500, total: 1000, rate: 100, etaMs: 5000, percent: 50 },
      }),
      job(3, { status: 'queued', size: 2000 }),
    ];
    const p = batchProgress(rows);
    expect(p).toMatchObject({ count: 3, done: 1, running: 2, sentBytes: 1500, totalBytes: 4000, rate: 100 });
    expect(p.percent).toBeCloseTo(37.5);
    expect(p.etaMs).toBe(25_000);
  });

  it('counts failed files as not sent, so a batch with failures never reads 100 % or green', () => {
    const rows = [
      job(1, { status: 'done', size: 1000 }),
      job(2, { status: 'failed', size: 1000 }),
      job(3, { status: 'failed', size: 1000 }),
      job(4, { status: 'cancelled', size: 1000 }),
    ];
    const p = batchProgress(rows);
    expect(p).toMatchObject({ count: 3, done: 1, failed: 2, running: 0, etaMs: null });
    expect(p.percent).toBeCloseTo(100 / 3);
    expect(batchTone(p)).toBe('warning');
  });

  it('shows a batch whose only file failed as 0 % in red, not a red 100 %', () => {
    const p = batchProgress([job(1, { status: 'failed', size: null })]);
    expect(p).toMatchObject({ count: 1, done: 0, failed: 1, percent: 0 });
    expect(batchTone(p)).toBe('danger');
  });

  it('is green at 100 % only when every file went up', () => {
    const p = batchProgress([job(1, { status: 'done', size: 10 }), job(2, { status: 'done', size: null })]);
    expect(p.percent).toBe(100);
    expect(batchTone(p)).toBe('success');
  });
});

describe('retry', () => {
  it('is offered only where trying again can help', () => {
    expect(canRetry(job(1, { status: 'failed', errorKind: 'validation' }))).toBe(true);
    expect(canRetry(job(1, { status: 'failed', errorKind: 'network' }))).toBe(true);
    // The file is gone, or the request is refused before sending (Base64 over 10 MB): same failure again.
    expect(canRetry(job(1, { status: 'failed', errorKind: 'local-file' }))).toBe(false);
    expect(canRetry(job(1, { status: 'failed', errorKind: 'invalid-input' }))).toBe(false);
    expect(canRetry(job(1, { status: 'done' }))).toBe(false);
  });
});

describe('row names', () => {
  it('uses the server name when set, else the file or link it came from', () => {
    expect(jobDisplayName(job(1, { fileName: 'report.pdf' }))).toBe('report.pdf');
    expect(jobDisplayName(job(1, { localPath: 'C:\\Users\\ana\\photo.jpg' }))).toBe('photo.jpg');
    expect(jobDisplayName(job(1, { localPath: null, sourceUrl: 'https://example.com/a/b.zip' }))).toBe(
      'b.zip',
    );
  });
});
