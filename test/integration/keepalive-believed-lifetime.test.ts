// Keep-alive with links that last 24 hours (the "Links last" setting, as a learned lifetime would): a pinned
// link is uploaded again 12 hours before the expiry KieDrop believes, not the documented 3 days' — which
// would come two days after the link died — and the new expiry it reports is 24 hours on, too.
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api';
import type { Engine } from '../../src/main/core/engine';
import { pinEntry, runKeepAlivePass, type KeepAliveReport } from '../../src/main/core/keepalive';
import { createJobStore } from '../../src/main/core/queue/job-store';
import { download } from '../emulator/test-client';
import { useEngineFixture } from '../support/engine-fixture';
import { writeRandomFile } from '../support/temp-files';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const fx = useEngineFixture('kiedrop-keepalive-24h-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });
let engine: Engine;
let hour0: number;

beforeEach(() => {
  fx.emulator.setLinkBehaviour({ overwriteRestartsClock: true, cdnDelayMs: 0, lifetimeMs: DAY });
  hour0 = Date.now();
  fx.emulator.clock.set(hour0);
  engine = fx.open({ now: () => fx.emulator.clock.now(), linkLifetimeHours: () => 24 });
});

function pass(): Promise<KeepAliveReport> {
  const emu = fx.emulator;
  return runKeepAlivePass({
    db: engine.db,
    history: engine.history,
    jobs: createJobStore(engine.db),
    client: async () =>
      createApiClient({ uploadBaseUrl: emu.url, creditsBaseUrl: emu.url, apiKey: emu.apiKey }),
    now: () => emu.clock.now(),
    leadMs: 12 * HOUR,
    owner: 'test-host:1:app',
    check: { retries: 0 },
  });
}

describe('keep-alive follows the believed lifetime', () => {
  it('keeps a pinned link alive 12 hours before its 24 hours run out, and says it now lasts 24 hours more', async () => {
    const { path } = await writeRandomFile(fx.dir, 'daily.bin', 5_000);
    await engine.queue.enqueueFiles([path], { source: 'manual', uploadPath: 'pinned' });
    const [job] = await engine.queue.runUntilIdle();
    const entry = engine.history.getByJobId(job?.id ?? 0);
    if (!entry) throw new Error('the upload was not recorded');
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.uploadedAt)).toBe(DAY);
    pinEntry(engine.db, engine.history, entry.id, { now: fx.emulator.clock.now() });

    fx.emulator.clock.set(hour0 + 13 * HOUR);
    const report = await pass();
    expect(report.outcomes).toMatchObject([{ kind: 'kept-alive', historyId: entry.id }]);
    const reported = Date.parse(report.outcomes[0]?.expiresAt ?? '');
    expect(Math.abs(reported - (hour0 + 37 * HOUR))).toBeLessThan(MINUTE);
    expect(engine.history.get(entry.id)?.expiresAt).toBe(report.outcomes[0]?.expiresAt);

    // 30 hours after the first upload the link still serves: the overwrite at 13 h restarted its day.
    fx.emulator.clock.set(hour0 + 30 * HOUR);
    expect((await download(entry.downloadUrl)).status).toBe(200);
  });
});
