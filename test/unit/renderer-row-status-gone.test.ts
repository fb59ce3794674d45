// A history row whose link a check found gone: "link gone" while its countdown still runs, and also when the
// countdown ended at that very check — the link that taught KieDrop a shorter lifetime expires, by that
// lifetime, exactly when it was found gone, and it should still say what was seen. A link checked gone
// long after it expired just reads as expired.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/domain';
import { DAY, HOUR, MINUTE } from '../../src/renderer/src/format/duration';
import type { LocalLinkHealth } from '../../src/renderer/src/format/link-health';
import { rowStatus } from '../../src/renderer/src/screens/history/row-status';
import { toHistoryItem } from '../../src/renderer/src/state/history-item';

const SOON = 6 * HOUR;
const ARRIVED = 1_000_000_000;

function entry(expiresInMs: number): HistoryEntry {
  return {
    id: 1,
    jobId: 1,
    localPath: null,
    localMtimeMs: null,
    size: 10,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: 'notes.txt',
    filePath: 'kieai/1/kiedrop/notes.txt',
    downloadUrl: 'http://127.0.0.1:9/files/kieai/1/kiedrop/notes.txt',
    mimeType: 'text/plain',
    uploadedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-02T00:00:00.000Z',
    renewOf: null,
    replacedBy: null,
    status: expiresInMs > 0 ? 'active' : 'expired',
    expiresInMs,
  };
}

const goneAt = (at: number): LocalLinkHealth => ({
  state: 'gone',
  checkedAt: at,
  goneSince: at,
  detail: 'HTTP 404',
});

describe('a history row whose link was found gone', () => {
  it('reads "link gone" when it was found gone at the moment its learned expiry falls', () => {
    // The check ran a few seconds before the list was read: its expiry is those seconds ago.
    const item = toHistoryItem(entry(-5_000), ARRIVED);
    const status = rowStatus(item, ARRIVED, SOON, goneAt(ARRIVED - 5_000));
    expect(status).toMatchObject({ status: 'expired', gone: true });
  });

  it('reads "link gone" while its countdown still runs', () => {
    const item = toHistoryItem(entry(DAY), ARRIVED);
    expect(rowStatus(item, ARRIVED, SOON, goneAt(ARRIVED - MINUTE))).toMatchObject({
      status: 'expired',
      gone: true,
    });
  });

  it('reads as expired when it was found gone long after it expired', () => {
    const item = toHistoryItem(entry(-2 * DAY), ARRIVED);
    expect(rowStatus(item, ARRIVED, SOON, goneAt(ARRIVED - HOUR))).toMatchObject({
      status: 'expired',
      gone: false,
    });
  });
});
