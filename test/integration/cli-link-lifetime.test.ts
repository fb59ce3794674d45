// `kiedrop history` and `kiedrop check` with links that last 24 hours: after `kiedrop check` finds the first
// upload gone early, the others' expiry (table, --json) is their upload time plus the lifetime seen, a
// note on stderr says why, and the app's "Links last" setting overrides what was learned.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Entry {
  id: number;
  fileName: string;
  uploadedAt: string;
  expiresAt: string;
  status: string;
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ links: { lifetimeMs: DAY } });
  dir = await makeTempDir('kiedrop-cli-lifetime-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliLifetime-${process.pid}`,
  });
});
afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('a lifetime learned from `kiedrop check`', () => {
  it(
    'shortens the other entries in `kiedrop history` and says why on stderr',
    { timeout: 60_000 },
    async () => {
      const first = await writeFileIn(dir, 'first.txt', 'first\n');
      expect((await runKiedrop(['upload', first], env)).code).toBe(0);
      emulator.clock.advance(2 * HOUR);
      const second = await writeFileIn(dir, 'second.txt', 'second\n');
      const later2h = { ...env, KIEDROP_NOW_OFFSET_MS: String(2 * HOUR) };
      expect((await runKiedrop(['upload', second], later2h)).code).toBe(0);

      const before = await runKiedrop(['history'], later2h);
      expect(before.stderr).toBe('');
      expect(before.stdout).toMatch(/second\.txt +\S+ B +in (2 d 23 h|3 d) /u);

      // 25 h after the first upload the host has deleted it; the check finds it gone.
      emulator.clock.advance(23 * HOUR);
      const later = { ...env, KIEDROP_NOW_OFFSET_MS: String(25 * HOUR) };
      const checked = await runKiedrop(['check', '--all'], later);
      expect(checked.stdout).toMatch(/first\.txt.*gone/u);

      const after = await runKiedrop(['history'], later);
      expect(after.code).toBe(0);
      expect(after.stderr).toBe(
        'Links have lately lasted about 25 h, so countdowns use that (observed on 1 link).\n',
      );
      expect(after.stdout).toMatch(/second\.txt +\S+ B +in 2 h/u);

      const json = await runKiedrop(['history', '--json'], later);
      const entries = (JSON.parse(json.stdout) as { entries: Entry[] }).entries;
      const secondEntry = entries.find((e) => e.fileName === 'second.txt');
      const learned = Date.parse(secondEntry?.expiresAt ?? '') - Date.parse(secondEntry?.uploadedAt ?? '');
      expect(learned).toBeGreaterThanOrEqual(25 * HOUR);
      expect(learned).toBeLessThan(25 * HOUR + MINUTE);
      expect(secondEntry?.status).toBe('expiring');
      const expiring = await runKiedrop(['history', '--status', 'expiring', '--json'], later);
      expect((JSON.parse(expiring.stdout) as { entries: Entry[] }).entries.map((e) => e.fileName)).toEqual([
        'second.txt',
      ]);

      // The app's setting overrides what was learned, and then there is nothing to explain.
      await writeFile(join(dir, 'data', 'settings.json'), JSON.stringify({ linkLifetimeHours: 48 }));
      const overridden = await runKiedrop(['history', '--json'], later);
      expect(overridden.stderr).toBe('');
      const withSetting = (JSON.parse(overridden.stdout) as { entries: Entry[] }).entries.find(
        (e) => e.fileName === 'second.txt',
      );
      expect(Date.parse(withSetting?.expiresAt ?? '') - Date.parse(withSetting?.uploadedAt ?? '')).toBe(
        48 * HOUR,
      );
    },
  );
});
