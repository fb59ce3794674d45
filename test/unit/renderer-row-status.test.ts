// A history row's countdown: the screen's clock ticks once a minute, so it is often older than an entry
// that just arrived. A freshly renewed link must still read "2 d 23 h", never promise the full "3 d".
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/domain';
import { DAY, HOUR, MINUTE, SECOND } from '../../src/renderer/src/format/duration';
import { formatExpiry } from '../../src/renderer/src/format/expiry';
import { createTranslator } from '../../src/renderer/src/i18n/translate';
import { rowStatus } from '../../src/renderer/src/screens/history/row-status';
import { toHistoryItem } from '../../src/renderer/src/state/history-item';

const en = createTranslator('en');
const SOON = 6 * HOUR;

function entry(expiresInMs: number, change: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 1,
    jobId: 1,
    localPath: '/home/someone/photo.png',
    localMtimeMs: 0,
    size: 1024,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: 'photo.png',
    filePath: 'kiedrop/photo.png',
    downloadUrl: 'http://127.0.0.1:9/kiedrop/photo.png',
    mimeType: 'image/png',
    uploadedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-04T00:00:00.000Z',
    renewOf: null,
    replacedBy: null,
    status: 'active',
    expiresInMs,
    ...change,
  };
}

const shown = (item: ReturnType<typeof toHistoryItem>, now: number) =>
  formatExpiry(rowStatus(item, now, SOON).msLeft, en);

describe('a history row’s countdown', () => {
  it('shows a just-renewed link as "2 d 23 h" even when the screen’s clock is 59 s old', () => {
    const arrived = 1_000_000_000;
    // The server measured a few milliseconds of its 3 days as already gone.
    const item = toHistoryItem(entry(3 * DAY - 40), arrived);
    expect(shown(item, arrived - 59 * SECOND)).toBe('expires in 2 d 23 h');
    expect(shown(item, arrived)).toBe('expires in 2 d 23 h');
  });

  it('keeps counting down once the clock ticks past the moment the entry arrived', () => {
    const arrived = 1_000_000_000;
    const item = toHistoryItem(entry(3 * HOUR), arrived);
    expect(shown(item, arrived + 70 * MINUTE)).toBe('expires in 1 h 50 min');
    expect(rowStatus(item, arrived + 70 * MINUTE, SOON).status).toBe('expiring');
  });

  it('turns a link expired at its deadline, not a minute later', () => {
    const arrived = 1_000_000_000;
    const item = toHistoryItem(entry(30 * SECOND), arrived);
    // A stale clock would still call this link alive; the entry itself knows it is 40 s past due.
    const status = rowStatus(item, arrived + 70 * SECOND, SOON);
    expect(status.status).toBe('expired');
    expect(formatExpiry(status.msLeft, en)).toBe('expired just now');
  });

  it('marks a replaced link as replaced while it still lives, and expired once dead', () => {
    const arrived = 1_000_000_000;
    const replaced = toHistoryItem(entry(DAY, { replacedBy: 7 }), arrived);
    expect(rowStatus(replaced, arrived, SOON).status).toBe('replaced');
    expect(rowStatus(replaced, arrived + 2 * DAY, SOON).status).toBe('expired');
  });
});
