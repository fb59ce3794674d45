// Copying from the history: a link known to be dead is not put on the clipboard silently, and a link not
// checked within the hour is checked first (without the key, through the saved proxy setting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkCheckStore } from '../../src/main/core/health';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { handlerFailure } from '../support/failures';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

let app: TestApp;
let h: TestApp['service']['handlers'];

async function uploadText(name: string): Promise<HistoryEntry> {
  const path = await app.writeFile(name, Buffer.from(`contents of ${name}`));
  const [job] = (await h['upload:files']([path], { uploadPath: 'health' })) as JobSnapshot[];
  const done = await app.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.historyId === null) throw new Error(`${name} failed: ${done.lastError}`);
  return app.service.engine.history.get(done.historyId) as HistoryEntry;
}

const headsFor = (entry: HistoryEntry) =>
  app.emulator.log.filter((e) => e.method === 'HEAD' && entry.downloadUrl.endsWith(e.path)).length;

beforeAll(async () => {
  app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef', settings: { copyOnUpload: false } });
  h = app.service.handlers;
});
afterAll(async () => {
  await app?.close();
});

describe('copying a link from the history', () => {
  it('checks links not checked within the hour, and refuses to copy one that is gone, saying so', async () => {
    const old = await uploadText('old.txt');
    app.emulator.clock.advance(2 * DAY);
    const fresh = await uploadText('fresh.txt');
    app.emulator.clock.advance(DAY); // old.txt's file is deleted on the server now
    const store = new LinkCheckStore(app.service.engine.db);
    // Found alive two hours ago: too long ago to trust for a copy.
    store.record(old.id, { state: 'alive', status: 200, detail: 'HTTP 200' }, Date.now() - 2 * HOUR);

    expect(await h['history:copy-link']([fresh.id], 'url')).toBe(fresh.downloadUrl);
    expect(headsFor(fresh)).toBe(1);
    expect(store.get(fresh.id)?.state).toBe('alive');
    // Checked a moment ago: the next copy does not ask again.
    await h['history:copy-link']([fresh.id], 'url');
    expect(headsFor(fresh)).toBe(1);

    const refused = await handlerFailure(h['history:copy-link']([fresh.id, old.id], 'url'));
    expect(refused.kind).toBe('link-gone');
    expect(refused.message).toMatch(/^The link of "old\.txt" no longer works: .* Nothing was copied\./u);
    expect(headsFor(old)).toBe(1);
    expect(app.clipboard.last()).toBe(fresh.downloadUrl);
    expect(store.get(old.id)).toMatchObject({ state: 'gone', detail: 'HTTP 404' });
  });
});
