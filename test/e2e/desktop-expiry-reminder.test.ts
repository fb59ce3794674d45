// The expiry reminder in the desktop app as a user gets it (the real main bundle on the Electron stand-in):
// about half a minute after start, links they copied that expire within the day are told in one OS
// notification in their language (a pinned one is not), and clicking it opens History at the first.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db';
import { HistoryStore } from '../../src/main/core/history';
import type { NewHistoryEntry } from '../../src/main/core/history/types';
import { PinStore } from '../../src/main/core/keepalive';
import { DATABASE_FILE_NAME } from '../../src/main/core/paths/default-data-dir';
import { LinkShareStore } from '../../src/main/core/reminders';
import { desktopSuite } from '../support/desktop-app';

const HOUR = 60 * 60 * 1000;
const suite = desktopSuite();
const roots: string[] = [];
// After the suite's own afterEach has stopped the app (hooks run in reverse order of registration).
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

function entry(name: string, expiresAt: number): NewHistoryEntry {
  return {
    jobId: null,
    localPath: null,
    localMtimeMs: null,
    size: 10,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: name,
    filePath: `kiedrop/${name}`,
    downloadUrl: `${suite.emulator.url}/kiedrop/${name}`,
    mimeType: 'text/plain',
    uploadedAt: new Date(expiresAt - 72 * HOUR).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    renewOf: null,
  };
}

/** A data folder whose history holds links copied two and a half days ago that expire in about 4 hours,
 * the last of them pinned since. */
async function seededRoot(opts: { trayCopy?: boolean } = {}): Promise<{ root: string; ids: number[] }> {
  const root = await mkdtemp(join(tmpdir(), 'kiedrop-reminder-'));
  roots.push(root);
  await mkdir(join(root, 'data'), { recursive: true });
  const db = openDatabase(join(root, 'data', DATABASE_FILE_NAME));
  try {
    const history = new HistoryStore(db);
    const soon = Date.now() + 4 * HOUR;
    const ids = ['first.txt', 'second.txt', 'third.txt', 'pinned.txt'].map(
      (name, i) => history.insert(entry(name, soon + i * 10 * 60 * 1000)).id,
    );
    // third.txt is copied only once the app runs, from the tray (opts.trayCopy).
    const copied = opts.trayCopy ? ids.filter((_, i) => i !== 2) : ids;
    new LinkShareStore(db).record(copied, Date.now() - 60 * HOUR);
    new PinStore(db).pin(ids[3] ?? 0, { location: 'kiedrop', followFile: false, now: Date.now() });
    return { root, ids };
  } finally {
    db.close();
  }
}

describe('expiry reminder', () => {
  it('says in Chinese that 3 copied links expire soon, once, and its click opens History at the first', async () => {
    const { root } = await seededRoot({ trayCopy: true });
    const run = await suite.desktop({ root, settings: { language: 'zh-CN' } });
    await run.ready();
    // Recent uploads › third.txt copies its link (well before the first check, half a minute after start).
    await run.clickTray('最近上传', 'third.txt');
    await expect.poll(async () => (await run.clipboard()).text).toContain('third.txt');
    const reminders = async () => (await run.notifications()).filter((n) => n.title.includes('你复制的'));
    await expect.poll(async () => (await reminders()).length, { timeout: 60_000, interval: 1000 }).toBe(1);
    const [notice] = await reminders();
    expect(notice?.title).toBe('你复制的 3 个链接将在 5 小时内过期');
    expect(notice?.body).toBe('它们届时将失效。打开 KieDrop 续期或固定它们。');
    expect(notice?.buttons).toEqual([]); // Linux shows no notification buttons: the click is the way in

    await run.app.call('closeWindow', { page: 'index' });
    expect(await run.app.call('clickNotification', { id: notice?.id })).toBe(true);
    await run.ready();
    await expect
      .poll(() => run.app.call<string[]>('sentLog', { page: 'index' }), { timeout: 10_000 })
      .toContain('event:show-entry');
    await expect
      .poll(() => run.locator('index', 'css', '.row-highlight', 'textContent'), {
        timeout: 10_000,
      })
      .toContain('first.txt');
    expect(await reminders()).toHaveLength(1);
  }, 150_000);

  it('pins the three links from its Pin button on Windows', async () => {
    const { root, ids } = await seededRoot();
    const run = await suite.desktop({ root, platform: 'win32', settings: { language: 'en' } });
    await run.ready();
    const reminders = async () => (await run.notifications()).filter((n) => n.title.includes('you copied'));
    await expect.poll(async () => (await reminders()).length, { timeout: 60_000, interval: 1000 }).toBe(1);
    const [notice] = await reminders();
    expect(notice?.title).toBe('3 links you copied expire within 5 hours');
    expect(notice?.buttons).toEqual(['Renew', 'Pin']);

    expect(await run.app.call('pressNotificationButton', { id: notice?.id, index: 1 })).toBe(true);
    const pinned = async () =>
      Promise.all(
        ids.map(async (id) => {
          const res = await run.api<{ pinned: boolean } | null>('historyPinState', id);
          return res.ok ? (res.value?.pinned ?? false) : null;
        }),
      );
    await expect.poll(pinned, { timeout: 10_000 }).toEqual([true, true, true, true]);
  }, 150_000);
});
