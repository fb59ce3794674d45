// `kiedrop history` and pins, as a user runs them: real processes, the real emulator over loopback, and the
// real SQLite file. Pinned entries are marked in the table, carry `pinned` in --json, and --pinned lists
// only them.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

interface Entry {
  id: number;
  fileName: string;
  expiresAt: string;
  pinned: boolean;
  pin?: { pinned: boolean; keptAliveCount: number; nextAt: string | null };
}

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  dir = await makeTempDir('kiedrop-cli-history-pinned-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliHistoryPinnedTest-${process.pid}`,
    fastRetries: true,
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runKiedrop(args, env);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

async function historyJson(args: string[] = []): Promise<{ entries: Entry[]; total: number }> {
  return JSON.parse(await run(['history', '--json', ...args])) as { entries: Entry[]; total: number };
}

describe('kiedrop history and pinned entries', () => {
  it('--pinned --json lists only the pinned entries, each saying pinned, and unpin takes one off', async () => {
    const paths = await Promise.all(
      ['alpha.txt', 'beta.txt', 'gamma.txt'].map((name) => writeFileIn(dir, name, `content of ${name}\n`)),
    );
    for (const path of paths) await run(['upload', path]); // one at a time: ids in the order given
    await run(['pin', 'h1']);
    await run(['pin', 'h3']);

    const pinned = await historyJson(['--pinned']);
    expect(pinned.total).toBe(2);
    expect(pinned.entries.map((e) => [e.fileName, e.pinned])).toEqual([
      ['gamma.txt', true],
      ['alpha.txt', true],
    ]);
    // The next keep-alive is due the default 12 hours before the link's expiry.
    const alpha = pinned.entries[1];
    expect(alpha?.pin?.keptAliveCount).toBe(0);
    expect(alpha?.pin?.nextAt).not.toBeNull();

    const all = await historyJson();
    expect(all.entries.map((e) => [e.fileName, e.pinned])).toEqual([
      ['gamma.txt', true],
      ['beta.txt', false],
      ['alpha.txt', true],
    ]);

    await run(['unpin', 'h3']);
    const after = await historyJson(['--pinned']);
    expect(after.entries.map((e) => e.fileName)).toEqual(['alpha.txt']);
  });

  it('marks pinned entries in a PIN column, and says when none are pinned', async () => {
    const paths = await Promise.all(
      ['one.txt', 'two.txt'].map((name) => writeFileIn(dir, name, `content of ${name}\n`)),
    );
    // One at a time, so one.txt is h1 and two.txt h2 (a batch records them in the order they finish).
    for (const path of paths) await run(['upload', path]);
    expect(await run(['history', '--pinned'])).toBe('No history entries match.\n');

    await run(['pin', 'h2']);
    const lines = (await run(['history'])).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +SIZE +EXPIRES +PIN +LINK$/u);
    expect(lines[1]).toMatch(/^h2 +two\.txt +\d+ B +in 3 d +pinned +http:/u);
    expect(lines[2]).toMatch(/^h1 +one\.txt +\d+ B +in 3 d +http:/u);

    const only = (await run(['history', '--pinned'])).trimEnd().split('\n');
    expect(only).toHaveLength(2);
    expect(only[1]).toMatch(/^h2 +two\.txt .* pinned +http:/u);
  });

  it('says when the next keep-alive is due by the lead time saved in the app’s settings', async () => {
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(join(dir, 'data', 'settings.json'), JSON.stringify({ keepAliveLeadHours: 24 }));
    await run(['upload', await writeFileIn(dir, 'lead.txt', 'lead\n')]);
    await run(['pin', 'h1']);
    const [entry] = (await historyJson(['--pinned'])).entries;
    expect(Date.parse(entry?.expiresAt ?? '') - Date.parse(entry?.pin?.nextAt ?? '')).toBe(
      24 * 60 * 60 * 1000,
    );
  });

  it('refuses --pinned with --status failed, saying why', async () => {
    const { code, stderr } = await runKiedrop(['history', '--pinned', '--status', 'failed'], env);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--pinned lists uploaded entries/u);
  });
});
