// The ledger rules: a version is handed over once; a changed file goes again only when the setting says so.
import { describe, expect, it } from 'vitest';
import { decideUpload } from '../../src/main/core/watch/ledger-decision';
import type { LedgerVersion } from '../../src/main/core/watch/ledger-decision';
import { versionState } from '../../src/main/core/watch/ledger-store';

const v = (size: number, mtimeMs: number, state: LedgerVersion['state']): LedgerVersion => ({
  size,
  mtimeMs,
  state,
});

describe('decideUpload', () => {
  it('uploads a file the ledger has never seen', () => {
    expect(decideUpload([], { size: 10, mtimeMs: 1 }, false)).toEqual({ action: 'upload' });
  });

  it('never hands the same version over twice, whatever became of it', () => {
    for (const state of ['uploaded', 'queued', 'reserving', 'failed', 'cancelled', 'unknown'] as const) {
      for (const uploadChanged of [false, true]) {
        expect(decideUpload([v(10, 1, state)], { size: 10, mtimeMs: 1 }, uploadChanged)).toEqual({
          action: 'skip',
          why: 'same-version',
        });
      }
    }
  });

  it('with "upload changed files" off, keeps a changed file local once the path was sent', () => {
    expect(decideUpload([v(10, 1, 'uploaded')], { size: 12, mtimeMs: 2 }, false)).toEqual({
      action: 'skip',
      why: 'uploaded-before',
    });
    expect(decideUpload([v(10, 1, 'queued')], { size: 12, mtimeMs: 2 }, false).action).toBe('skip');
  });

  it('with it off, still uploads a new version when the earlier one never made it (failed or cancelled)', () => {
    expect(decideUpload([v(10, 1, 'failed')], { size: 12, mtimeMs: 2 }, false)).toEqual({ action: 'upload' });
    expect(decideUpload([v(10, 1, 'cancelled')], { size: 12, mtimeMs: 2 }, false)).toEqual({
      action: 'upload',
    });
  });

  it('with it on, uploads a changed file again, but not while an earlier version is still queued', () => {
    expect(decideUpload([v(10, 1, 'uploaded')], { size: 12, mtimeMs: 2 }, true)).toEqual({
      action: 'upload',
    });
    expect(decideUpload([v(10, 1, 'queued')], { size: 12, mtimeMs: 2 }, true)).toEqual({
      action: 'skip',
      why: 'in-queue',
    });
  });
});

describe('versionState', () => {
  it('reads the job and history rows into what became of a version', () => {
    expect(versionState(null, null, null, null)).toBe('reserving');
    expect(versionState(4, 'queued', null, null)).toBe('queued');
    expect(versionState(4, 'uploading', null, null)).toBe('queued');
    expect(versionState(4, 'done', 9, null)).toBe('uploaded');
    expect(versionState(4, 'failed', null, null)).toBe('failed');
    expect(versionState(4, 'cancelled', null, null)).toBe('cancelled');
    // The job row was purged: counted as sent, so it is not uploaded a second time.
    expect(versionState(4, null, null, null)).toBe('unknown');
    // The person deleted the history entry: it was still uploaded.
    expect(versionState(4, 'done', null, null)).toBe('uploaded');
    expect(versionState(4, null, null, 1_700_000_000_000)).toBe('uploaded');
  });
});
