// Link health while the app runs: "Check link" asks the hosts now and the rows learn what was found
// (alive, gone, host unreachable); on its own the app checks links in the expiring window and pinned
// links, each at most once an hour, never while offline; History's page carries each entry's last check
// and stays an indexed lookup at any size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUE_LINK_CHECKS_SQL, LinkCheckStore } from '../../src/main/core/health';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot, LinkCheck } from '../../src/shared/ipc-contract';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let emulator: Emulator;
let app: TestApp;
let online = false;

async function uploadText(name: string): Promise<HistoryEntry> {
  const path = await app.writeFile(name, Buffer.from(`contents of ${name}`));
  const [job] = (await app.service.handlers['upload:files']([path], {
    uploadPath: 'health',
  })) as JobSnapshot[];
  const done = await app.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.historyId === null) throw new Error(`${name} failed: ${done.lastError}`);
  return app.service.engine.history.get(done.historyId) as HistoryEntry;
}

const headsFor = (entry: HistoryEntry) =>
  emulator.log.filter((e) => e.method === 'HEAD' && entry.downloadUrl.endsWith(e.path)).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const checkEvents = () =>
  app.events.filter((e) => e.event === 'link-checks').map((e) => e.payload as LinkCheck[]);

beforeAll(async () => {
  emulator = await startEmulator();
  app = await startTestApp({
    emulator,
    now: () => emulator.clock.now(),
    savedKey: emulator.apiKey,
    settings: { copyOnUpload: false, expiringSoonHours: 12 },
    linkHealth: { firstDelayMs: 20, intervalMs: 60, isOnline: () => online },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

describe('scheduled link checks', () => {
  it('check expiring and pinned links hourly, never offline, and find a link that died early', async () => {
    const expiring = await uploadText('expiring.txt');
    emulator.clock.advance(2 * DAY + 13 * HOUR); // 11 hours left: inside the 12-hour window
    const fresh = await uploadText('fresh.txt');
    const pinned = await uploadText('pinned.txt');
    await app.service.handlers['history:pin'](pinned.id, { followFile: false });
    // The host keeps files two days now: expiring.txt is gone before its computed expiry.
    emulator.setLinkBehaviour({ lifetimeMs: 2 * DAY });

    await pause(400); // several rounds while offline
    expect(headsFor(expiring) + headsFor(pinned) + headsFor(fresh)).toBe(0);
    expect(checkEvents()).toEqual([]);

    online = true;
    await expect.poll(() => checkEvents().flat().length, { timeout: 10_000 }).toBe(2);
    const seen = new Map(
      checkEvents()
        .flat()
        .map((c) => [c.historyId, c]),
    );
    expect(seen.get(expiring.id)).toMatchObject({ state: 'gone', detail: 'HTTP 404' });
    expect(seen.get(pinned.id)).toMatchObject({ state: 'alive' });
    // Neither expiring nor pinned: left alone.
    expect(seen.has(fresh.id)).toBe(false);
    expect(headsFor(fresh)).toBe(0);

    // History's page says so: the gone link is marked, the unchecked one carries nothing.
    const page = await app.service.handlers['history:list']({});
    const listed = new Map(page.entries.map((e) => [e.id, e]));
    expect(listed.get(expiring.id)?.linkCheck).toMatchObject({
      state: 'gone',
      goneSince: expect.any(String),
    });
    expect(listed.get(pinned.id)?.linkCheck?.state).toBe('alive');
    expect(listed.get(fresh.id)?.linkCheck).toBeUndefined();

    // Many rounds later, within the hour: nobody is asked again.
    await pause(400);
    expect(headsFor(pinned)).toBe(1);
    expect(headsFor(expiring)).toBe(1);
    // An hour on, the pinned link is due again; a gone one is not asked again.
    emulator.clock.advance(HOUR + 60_000);
    await expect.poll(() => headsFor(pinned), { timeout: 10_000 }).toBe(2);
    await pause(300);
    expect(headsFor(expiring)).toBe(1);
    expect(headsFor(fresh)).toBe(0);
  });
});

describe('Check link', () => {
  it('answers alive, gone and host unreachable as distinct states, in the order asked, and tells the window', async () => {
    emulator.setLinkBehaviour({ lifetimeMs: 3 * DAY });
    const gone = await uploadText('gone.txt');
    // A link on a host that is not there at all (port 9 on this machine: nothing listens).
    const elsewhere = app.service.engine.history.insert({
      ...gone,
      jobId: null,
      fileName: 'elsewhere.txt',
      downloadUrl: 'http://127.0.0.1:9/files/elsewhere.txt',
      renewOf: null,
    });
    // The host now keeps files five minutes: gone.txt, ten minutes old, is deleted there.
    emulator.clock.advance(10 * 60_000);
    emulator.setLinkBehaviour({ lifetimeMs: 5 * 60_000 });
    const alive = await uploadText('alive.txt');
    const before = checkEvents().length;

    const checks = await app.service.handlers['history:check']([gone.id, alive.id, elsewhere.id, 999_999]);
    expect(checks.map((c) => [c.historyId, c.state])).toEqual([
      [gone.id, 'gone'],
      [alive.id, 'alive'],
      [elsewhere.id, 'unreachable'],
    ]);
    expect(checks[0]?.ageMs).toBeGreaterThanOrEqual(0);
    expect(
      checkEvents()
        .slice(before)
        .flat()
        .map((c) => c.historyId)
        .sort(),
    ).toEqual([gone.id, alive.id, elsewhere.id].sort());
    const store = new LinkCheckStore(app.service.engine.db);
    expect(store.get(elsewhere.id)).toMatchObject({ state: 'unreachable', goneSince: null });
    expect(store.get(gone.id)?.goneSince).not.toBeNull();
  });
});

describe('query plans at scale', () => {
  it('finds due links and a page’s checks through indexes, never a scan of history', () => {
    const conn = app.service.engine.db.conn;
    const plan = (sql: string, params: unknown) =>
      (conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const due = plan(DUE_LINK_CHECKS_SQL, { now: 1, soon: 2, stale: 0, limit: 20 });
    expect(due.some((d) => /SEARCH h USING INDEX history_live_expiry/u.test(d))).toBe(true);
    expect(due.some((d) => /SEARCH c USING INTEGER PRIMARY KEY/u.test(d))).toBe(true);
    expect(due.filter((d) => /^SCAN h\b/u.test(d))).toEqual([]);
    const pageChecks = plan(
      'SELECT history_id FROM link_checks WHERE history_id IN (SELECT value FROM json_each(?))',
      ['[1,2]'],
    );
    expect(pageChecks.some((d) => /SEARCH link_checks USING INTEGER PRIMARY KEY/u.test(d))).toBe(true);
  });
});
