import { describe, expect, it } from 'vitest';
import { expiryCell, failedJobsTable, historyTable, jobStateCell } from '../../src/cli/history-table';
import { parseWholeNumber } from '../../src/cli/number-flags';
import { earlierWorkNote, pausedMessage } from '../../src/cli/run-outcome';
import { UsageError } from '../../src/cli/errors';
import type { HistoryEntry } from '../../src/main/core/history';
import type { JobSnapshot } from '../../src/main/core/queue';

const NOW = new Date('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;

function entry(id: number, expiresInMs: number, over: Partial<HistoryEntry> = {}): HistoryEntry {
  const expiresAt = new Date(NOW.getTime() + expiresInMs).toISOString();
  return {
    id,
    jobId: id,
    localPath: null,
    localMtimeMs: null,
    size: 1536,
    method: 'stream',
    source: 'cli',
    uploadPath: 'kiedrop',
    fileName: `photo-${id}.png`,
    filePath: `kiedrop/x/photo-${id}.png`,
    downloadUrl: `http://127.0.0.1:1/files/kiedrop/x/photo-${id}.png`,
    mimeType: 'image/png',
    uploadedAt: NOW.toISOString(),
    expiresAt,
    renewOf: null,
    replacedBy: null,
    status: expiresInMs <= 0 ? 'expired' : expiresInMs < 6 * HOUR ? 'expiring' : 'active',
    expiresInMs,
    ...over,
  };
}

describe('history table', () => {
  it('shows id, name, size, time left or since expiry, and the whole link', () => {
    const lines = historyTable([entry(12, 50 * HOUR), entry(3, -2 * HOUR)], NOW);
    expect(lines[0]).toMatch(/^ID +NAME +SIZE +EXPIRES +LINK$/u);
    expect(lines[1]).toMatch(
      /^h12 +photo-12\.png +1\.5 KB +in 2 d 2 h +http:\/\/127\.0\.0\.1:1\/files\/kiedrop\/x\/photo-12\.png$/u,
    );
    expect(lines[2]).toMatch(/^h3 +photo-3\.png +1\.5 KB +expired 2 h ago +http:/u);
    // Columns line up: every link starts at the same place.
    expect(new Set(lines.map((l) => l.indexOf('http')).slice(1)).size).toBe(1);
  });

  it('flags links about to expire and those overwritten by a later upload', () => {
    expect(expiryCell(entry(1, 2 * HOUR), NOW)).toBe('in 2 h (soon)');
    expect(expiryCell(entry(1, 40 * HOUR, { status: 'replaced', replacedBy: 7 }), NOW)).toBe(
      'replaced by h7',
    );
  });

  it('gives failed uploads their reason in full', () => {
    const reason = 'File not found: /home/me/a/very/long/path/that/must/not/be/cut/off/photo.png';
    const lines = failedJobsTable([
      {
        jobId: 4,
        localPath: '/x',
        sourceUrl: null,
        fileName: 'photo.png',
        errorKind: 'local-file',
        lastError: reason,
        errorCode: 'file.not-found',
        errorParams: { name: 'photo.png', path: '/x' },
        attempts: 1,
        finishedAt: 0,
      },
    ]);
    expect(lines[1]).toMatch(/^j4 +photo\.png +1 +/u);
    expect(lines[1]?.endsWith(reason)).toBe(true);
  });

  it('says when a waiting job tries again', () => {
    const base = { status: 'queued', phase: 'retrying', nextAttemptAt: 12_400, progress: null } as const;
    expect(jobStateCell(base as unknown as JobSnapshot, 0)).toBe('retrying in 13 s');
    expect(jobStateCell({ ...base, phase: 'waiting' } as unknown as JobSnapshot, 0)).toBe('waiting');
  });
});

describe('messages after a run', () => {
  it('tells how to fix the key in terms of where it came from, and counts what waits', () => {
    const msg = 'API key rejected — save a new key to continue';
    expect(pausedMessage(msg, { apiKey: 'k', keySource: 'keychain' }, 140)).toBe(
      'API key rejected — run `kiedrop key set` with a current key; 140 uploads are waiting and will resume ' +
        'with `kiedrop queue --resume`.',
    );
    expect(pausedMessage(msg, { apiKey: 'k', keySource: 'env' }, 1)).toMatch(
      /^API key rejected — fix KIEDROP_API_KEY .*; 1 upload is waiting/u,
    );
    expect(earlierWorkNote(3)).toBe(
      '3 unfinished uploads from an earlier run are waiting: run `kiedrop queue --resume`.',
    );
  });
});

describe('whole-number arguments', () => {
  it('accepts plain digits in range and refuses anything else with the range', () => {
    expect(parseWholeNumber('16', '--concurrency', { min: 1, max: 16 }, 'upload')).toBe(16);
    for (const bad of ['0', '17', '4.5', '1e1', '', '-3', 'four']) {
      expect(() => parseWholeNumber(bad, '--concurrency', { min: 1, max: 16 }, 'upload')).toThrow(UsageError);
    }
    expect(() => parseWholeNumber('x', '--offset', { min: 0 }, 'history')).toThrow(
      '--offset must be a whole number of 0 or more (got "x")',
    );
  });
});
