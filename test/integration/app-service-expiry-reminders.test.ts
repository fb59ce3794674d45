// Expiry reminders while the app runs: links the person copied (the app's Copy, copy on upload) that are
// in their last day are told in one notification, pinned ones and links nobody copied are not, a later
// check never repeats it, and with the setting off nothing is said (nor marked as said).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { ExpiryReminder } from '../../src/main/core/reminders';
import type { Notice } from '../../src/main/core/share';
import { describeExpiryReminder } from '../../src/main/i18n/reminder-words';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import type { Settings } from '../../src/shared/settings';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let emulator: Emulator;
let app: TestApp | undefined;
let reminders: ExpiryReminder[];
let notices: Notice[];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(settings: Partial<Settings>, withWords: boolean): Promise<TestApp> {
  app = await startTestApp({
    emulator,
    now: () => emulator.clock.now(),
    savedKey: emulator.apiKey,
    settings,
    desktop: {
      notifier: {
        notify: (n) => void notices.push(n),
        ...(withWords && { remindExpiring: (r: ExpiryReminder) => void reminders.push(r) }),
      },
    },
    // Keep-alive and link checks stay out of the way; the reminder check runs every 50 ms.
    keepAlive: { firstDelayMs: 10 * 60 * 1000 },
    linkHealth: { firstDelayMs: 10 * 60 * 1000 },
    expiryReminders: { firstDelayMs: 20, intervalMs: 50 },
  });
  return app;
}

async function upload(a: TestApp, name: string): Promise<HistoryEntry> {
  const path = await a.writeFile(name, Buffer.from(`contents of ${name}`));
  const [job] = (await a.service.handlers['upload:files']([path], {})) as JobSnapshot[];
  const done = await a.waitForEvent('job', (j) => j.id === job?.id && j.status === 'done');
  return a.service.engine.history.get(done.historyId ?? 0) as HistoryEntry;
}

beforeEach(async () => {
  emulator = await startEmulator();
  reminders = [];
  notices = [];
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await emulator?.close();
});

describe('expiry reminders', () => {
  it('one notification names the three copied links in their last hours, none for a pinned or uncopied one, never twice', async () => {
    const a = await open({ copyOnUpload: true }, true);
    // Copied as soon as they were uploaded.
    const first = await upload(a, 'first.txt');
    const pinned = await upload(a, 'pinned.txt');
    await a.waitForEvent('links-copied', (c) => c.name === 'pinned.txt');
    a.service.settings.set({ copyOnUpload: false });
    // Copied from History, and one nobody copied.
    const second = await upload(a, 'second.txt');
    const third = await upload(a, 'third.txt');
    const quiet = await upload(a, 'quiet.txt');
    await a.service.handlers['history:copy-link']([second.id, third.id], 'url');
    await a.service.handlers['history:pin'](pinned.id, { followFile: false });
    expect(quiet.id).toBeGreaterThan(0);

    await pause(200);
    expect(reminders).toEqual([]); // nearly three days left: nothing to say yet

    emulator.clock.advance(3 * DAY - 5.5 * HOUR);
    await expect.poll(() => reminders.length, { timeout: 5000 }).toBe(1);
    const [reminder] = reminders as [ExpiryReminder];
    expect(reminder.links.map((l) => l.fileName).sort()).toEqual(['first.txt', 'second.txt', 'third.txt']);
    expect(describeExpiryReminder(reminder, 'en').title).toBe('3 links you copied expire within 6 hours');
    expect(describeExpiryReminder(reminder, 'zh-CN').title).toBe('你复制的 3 个链接将在 6 小时内过期');
    expect(reminder.soonest.historyId).toBe(first.id);

    // Later checks, even after copying one again, do not remind of the same links twice.
    await a.service.handlers['history:copy-link']([first.id], 'url');
    await pause(300);
    expect(a.service.reminders.checkNow()).toBeNull();
    expect(reminders).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('says nothing with reminders turned off, and reminds once they are turned on again', async () => {
    const a = await open({ copyOnUpload: false, expiryReminders: false }, false);
    const only = await upload(a, 'only.txt');
    await a.service.handlers['history:copy-link']([only.id], 'url');
    emulator.clock.advance(3 * DAY - 30 * 60 * 1000);
    await pause(300);
    expect(notices).toEqual([]);

    a.service.settings.set({ expiryReminders: true });
    await expect.poll(() => notices.length, { timeout: 5000 }).toBe(1);
    expect(notices[0]).toEqual({
      title: 'A link you copied expires within 1 hour',
      body: '"only.txt" stops working then. Open KieDrop to renew or pin it.',
    });
  });

  it('counts the drop window\'s "Copy links" and Upload clipboard as copies', async () => {
    const a = await open({ copyOnUpload: false }, true);
    const dropped = await upload(a, 'dropped.txt');
    expect(await a.service.handlers['activity:copy-links']()).toBe(1);
    a.clipboard.content = { imagePng: null, filePaths: [], text: dropped.downloadUrl };
    const summary = await a.service.handlers['clipboard:upload']({});
    expect(summary).toMatchObject({ uploaded: 1, copied: true });
    emulator.clock.advance(3 * DAY - 2 * HOUR);
    await expect.poll(() => reminders.length, { timeout: 5000 }).toBe(1);
    expect(reminders[0]?.count).toBe(2);
    expect(describeExpiryReminder(reminders[0] as ExpiryReminder, 'en').title).toBe(
      '2 links you copied expire within 2 hours',
    );
  });

  it('reminds of nothing once the link has expired or was never copied', async () => {
    const a = await open({ copyOnUpload: false }, true);
    const late = await upload(a, 'late.txt');
    await upload(a, 'never-copied.txt');
    await a.service.handlers['history:copy-link']([late.id], 'url');
    emulator.clock.advance(3 * DAY + HOUR);
    await pause(300);
    expect(reminders).toEqual([]);
  });
});
