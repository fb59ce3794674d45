// The app keeps pinned links alive on its own: a pass runs shortly after start (never in the way of
// start-up), and a pinned link that died while the app was closed is reported in one notice, with a code
// and count the window says in English or Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { startTestApp, type TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { makeTempDir } from '../support/temp-files';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const DAY = 24 * 60 * 60 * 1000;

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-keepalive-start-');
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function open(firstDelayMs: number): Promise<TestApp> {
  return startTestApp({
    emulator,
    dataDir: join(dir, 'data'),
    savedKey: emulator.apiKey,
    now: () => emulator.clock.now(),
    settings: { copyOnUpload: false },
    keepAlive: { firstDelayMs },
  });
}

async function uploadText(app: TestApp, name: string): Promise<HistoryEntry> {
  const path = await app.writeFile(name, Buffer.from(`contents of ${name}`));
  const [job] = (await app.service.handlers['upload:files']([path], {
    uploadPath: 'pinned',
  })) as JobSnapshot[];
  const done = await app.waitForEvent('job', (j) => j.id === job?.id && j.status === 'done');
  return app.service.engine.history.get(done.historyId ?? 0) as HistoryEntry;
}

describe('keep-alive in the running app', () => {
  it('reports links that died while it was closed, and keeps a due link alive by itself after start', async () => {
    let app = await open(60 * DAY);
    const lost = await uploadText(app, 'lost.txt');
    await app.service.handlers['history:pin'](lost.id, { followFile: false });
    await app.close();

    // Closed past lost.txt's expiry: the first pass after the next start says so, once.
    emulator.clock.advance(3.2 * DAY);
    app = await open(50);
    const notice = await app.waitForEvent('notice', (n) => n.code === 'keepalive.missed', 10_000);
    expect(notice).toMatchObject({ level: 'warning', params: { count: 1 } });
    expect(notice.message).toBe('1 pinned link died while KieDrop was not running. Renew it for a new link.');
    expect(await app.service.handlers['history:pin-state'](lost.id)).toMatchObject({
      pinned: false,
      lastOutcome: 'missed',
    });
    const kept = await uploadText(app, 'kept.txt');
    await app.service.handlers['history:pin'](kept.id, { followFile: false });
    await app.close();

    // Closed for 2.6 days: kept.txt is due and still alive, and the app keeps it alive on its own.
    emulator.clock.advance(2.6 * DAY);
    app = await open(50);
    try {
      await expect
        .poll(async () => (await app.service.handlers['history:pin-state'](kept.id))?.keptAliveCount, {
          timeout: 10_000,
        })
        .toBe(1);
      expect(app.service.engine.history.get(kept.id)?.status).toBe('active');
    } finally {
      await app.close();
    }
  });
});
