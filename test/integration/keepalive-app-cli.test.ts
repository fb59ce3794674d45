// Acceptance for pinned links with the app and the command line together (issue 14): the app's keep-alive
// service and `kiedrop keepalive` run at the same moment, yet each window gets exactly one upload (counted
// at the emulator), and on day 5 the same URL still serves the same bytes. Also: pinning over IPC, the
// notices the app sends (with codes the window translates), and the CLI's pin, unpin and missed report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index';
import { download, sha256 } from '../emulator/test-client';
import { startTestApp, type TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { toIpcError } from '../../src/main/core/app-service/ipc-failure';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let emulator: Emulator;
let app: TestApp;
let h: TestApp['service']['handlers'];
let env: Record<string, string>;
let day0: number;

beforeAll(async () => {
  emulator = await startEmulator();
  day0 = Date.now();
  emulator.clock.set(day0);
  app = await startTestApp({
    emulator,
    savedKey: emulator.apiKey,
    now: () => emulator.clock.now(),
    settings: { copyOnUpload: false },
    // The test says when passes run.
    keepAlive: { firstDelayMs: 10 * DAY },
  });
  h = app.service.handlers;
  env = cliEnv(emulator, { dataDir: app.dataDir, keychainService: `KieDropKeepAlive-${process.pid}` });
});
afterAll(async () => {
  await app?.close();
  await emulator?.close();
});

/** Both clocks to `days` after day 0: the emulator's, and the CLI's through its clock offset. */
function at(days: number): Record<string, string> {
  emulator.clock.set(day0 + days * DAY);
  return { ...env, KIEDROP_NOW_OFFSET_MS: String(Math.round(emulator.clock.now() - Date.now())) };
}

async function uploadText(name: string, text: string): Promise<HistoryEntry> {
  const path = await app.writeFile(name, Buffer.from(text));
  const [job] = (await h['upload:files']([path], { uploadPath: 'pinned' })) as JobSnapshot[];
  const done = await app.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
  );
  if (done.historyId === null) throw new Error(`${name} failed: ${done.lastError}`);
  return app.service.engine.history.get(done.historyId) as HistoryEntry;
}

const uploads = () => emulator.log.filter((e) => e.path.startsWith('/api/file-') && e.status === 200).length;

interface CliReport {
  outcomes: { kind: string; historyId: number }[];
  missed: number;
}

describe('the app and kiedrop keepalive at the same time', () => {
  it(
    'uploads each window once and keeps the same URL serving the same bytes on day 5',
    { timeout: 60_000 },
    async () => {
      const text = 'the same bytes, kept alive';
      const entry = await uploadText('kept.txt', text);
      const pin = await h['history:pin'](entry.id, { followFile: false });
      expect(pin).toMatchObject({ historyId: entry.id, pinned: true, keptAliveCount: 0 });

      for (const [days, count] of [
        [2.55, 1],
        [5.1, 2],
      ] as const) {
        const cliEnvNow = at(days);
        const before = uploads();
        const [appReport, cli] = await Promise.all([
          app.service.keepAlive.runNow(),
          runKiedrop(['keepalive', '--json'], cliEnvNow),
        ]);
        expect(cli.code, cli.stderr).toBe(0);
        const cliReport = JSON.parse(cli.stdout) as CliReport;
        // Exactly one of the two did the upload; the other found the entry leased or no longer due.
        expect(uploads() - before).toBe(1);
        const kept = [...appReport.outcomes, ...cliReport.outcomes].filter((o) => o.kind === 'kept-alive');
        expect(kept).toHaveLength(1);
        expect(await h['history:pin-state'](entry.id)).toMatchObject({
          keptAliveCount: count,
          lastOutcome: 'kept-alive',
        });
      }
      const now = app.service.engine.history.get(entry.id);
      expect(now?.downloadUrl).toBe(entry.downloadUrl);
      expect(now?.status).toBe('active');
      const got = await download(entry.downloadUrl);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(sha256(Buffer.from(text)));
      expect(await h['history:unpin'](entry.id)).toBe(true);
    },
  );
});

describe('pinning from the command line and the window', () => {
  it('pins and unpins by either id form, and refuses to pin an expired link with a code', async () => {
    at(0);
    const entry = await uploadText('cli-pin.txt', 'pin me');
    const pinned = await runKiedrop(['pin', `h${entry.id}`, '--json'], at(0.1));
    expect(pinned.code, pinned.stderr).toBe(0);
    expect(JSON.parse(pinned.stdout)).toMatchObject({ id: entry.id, pinned: true, followFile: false });
    expect(await h['history:pin-state'](entry.id)).toMatchObject({ pinned: true });

    const unpinned = await runKiedrop(['unpin', `j${entry.jobId}`], at(0.1));
    expect(unpinned.code, unpinned.stderr).toBe(0);
    expect(unpinned.stdout).toMatch(
      new RegExp(`^Unpinned h${entry.id} cli-pin\\.txt: its link expires `, 'u'),
    );
    expect(await h['history:pin-state'](entry.id)).toMatchObject({ pinned: false });

    at(3.5);
    const refused = await Promise.resolve(h['history:pin'](entry.id, { followFile: false })).then(
      () => null,
      (err: unknown) => toIpcError(err),
    );
    expect(refused).toMatchObject({ code: 'keepalive.pin-expired', params: { name: 'cli-pin.txt' } });
    const cli = await runKiedrop(['pin', String(entry.id)], at(3.5));
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('"cli-pin.txt" has expired, so its link cannot be kept alive');
  });

  it('says how many pinned links died while nothing ran, in the app and in the CLI', async () => {
    at(10);
    const a = await uploadText('missed-a.txt', 'a');
    const b = await uploadText('missed-b.txt', 'b');
    await h['history:pin'](a.id, { followFile: false });
    await h['history:pin'](b.id, { followFile: false });
    const cli = await runKiedrop(['keepalive'], at(13.5));
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(
      '2 pinned links died while KieDrop was not running; renew them with `kiedrop renew ID` for a new link:',
    );
    expect(cli.stdout).toMatch(
      new RegExp(`^h${a.id}  missed-a\\.txt  died before it could be kept alive`, 'mu'),
    );
    // Said once: the app's next pass has nothing more to say about them.
    expect((await app.service.keepAlive.runNow()).outcomes).toEqual([]);
  });

  it('tells the window when a link changed, with the new link and a code it translates', async () => {
    at(20);
    const entry = await uploadText('moving.txt', 'moving');
    await h['history:pin'](entry.id, { followFile: false });
    emulator.setLinkBehaviour({ linkRoot: 'kieai2' });
    try {
      at(22.6);
      const report = await app.service.keepAlive.runNow();
      const changed = report.outcomes.find((o) => o.kind === 'url-changed');
      expect(changed?.newDownloadUrl).toBeDefined();
      const notice = app.events.find(
        (e) => e.event === 'notice' && (e.payload as { code?: string }).code === 'keepalive.url-changed',
      );
      expect(notice?.payload).toMatchObject({
        level: 'warning',
        params: { name: 'moving.txt', url: changed?.newDownloadUrl },
      });
      expect(app.service.engine.history.get(entry.id)?.replacedBy).toBe(changed?.newHistoryId);
      expect(await h['history:pin-state'](changed?.newHistoryId ?? 0)).toMatchObject({ pinned: true });
      // Done with it: later tests count their own links only.
      expect(await h['history:unpin'](changed?.newHistoryId ?? 0)).toBe(true);
    } finally {
      emulator.setLinkBehaviour({ linkRoot: 'kieai' });
    }
  });

  it('says in words what a pass did, and that there was nothing to do', async () => {
    at(25);
    const entry = await uploadText('worded.txt', 'worded');
    const quiet = await runKiedrop(['keepalive'], at(25.1));
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toBe('Nothing to keep alive: no pinned link expires within 12 h.\n');
    await runKiedrop(['pin', `h${entry.id}`], at(25.1));
    const kept = await runKiedrop(['keepalive'], at(27.55));
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout).toMatch(
      new RegExp(
        `^h${entry.id}  worded\\.txt  kept alive at the same link from the unchanged local file; now expires ` +
          `\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(in 3 d; kept alive 1 time\\)  ${entry.downloadUrl}\\n$`,
        'u',
      ),
    );
    expect(await h['history:unpin'](entry.id)).toBe(true);
  });

  // Last: once found, "keep-alive does not work" holds for the emulator's whole account.
  it('says keep-alive does not work here within one check when an overwrite keeps the old clock', async () => {
    emulator.setLinkBehaviour({ overwriteRestartsClock: false });
    try {
      at(30);
      const entry = await uploadText('doomed.txt', 'doomed');
      const other = await uploadText('other.txt', 'other');
      await h['history:pin'](entry.id, { followFile: false });
      at(32.55);
      const kept = (await app.service.keepAlive.runNow()).outcomes.filter((o) => o.historyId === entry.id);
      expect(kept).toMatchObject([{ kind: 'kept-alive' }]);
      // The first check after the old expiry (day 33) tells.
      const cli = await runKiedrop(['keepalive'], at(33.01));
      expect(cli.code).toBe(1);
      expect(cli.stdout).toMatch(
        new RegExp(
          `^h${entry.id}  doomed\\.txt  died at its first expiry although it was uploaded again: keep-alive does not work for links at \\S+, so pinning is off there\\.`,
          'mu',
        ),
      );
      expect(app.service.engine.history.get(entry.id)?.status).toBe('expired');
      at(31); // while other.txt still lives
      const refused = await Promise.resolve(h['history:pin'](other.id, { followFile: false })).then(
        () => null,
        (err: unknown) => toIpcError(err),
      );
      expect(refused).toMatchObject({ code: 'keepalive.pin-unsupported', params: { name: 'other.txt' } });
    } finally {
      emulator.setLinkBehaviour({ overwriteRestartsClock: true });
    }
  });
});
