// File names the File Upload API cannot take (a line break, a tab, a backslash) arriving in a batch:
// `kiedrop upload` and `kiedrop share` upload every other file, name each refused one in a readable,
// escaped form, and exit non-zero so a script notices.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emu: Emulator;
let dir: string;
let files: string;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await makeTempDir('kiedrop-hostile-names-');
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async ({ task }) => {
  files = join(dir, task.id);
  await mkdir(files, { recursive: true });
  env = cliEnv(emu, { dataDir: join(files, '.data'), keychainService: `KieDropHostileNames-${process.pid}` });
});

async function stored(url: string): Promise<string> {
  const filePath = decodeURIComponent(new URL(url).pathname.replace(/^\/files\//, ''));
  const disk = emu.storedFile(filePath);
  return disk === undefined ? `<nothing stored for ${url}>` : readFile(disk, 'utf8');
}

const linkOf = (line: string): string => /(http:\/\/\S+)/u.exec(line)?.[1] ?? `<no link in ${line}>`;

describe('odd file names in a batch', () => {
  it('upload sends the good files and names each refused one, escaped', async () => {
    const ok1 = await writeFileIn(files, 'ok1.txt', 'first');
    const newline = await writeFileIn(files, 'bad\nname.txt', 'nl');
    const tab = await writeFileIn(files, 'tab\there.txt', 'tab');
    const backslash = await writeFileIn(files, 'back\\slash.txt', 'bs');
    const ok2 = await writeFileIn(files, 'ok2.txt', 'second');

    const r = await runKiedrop(['upload', ok1, newline, tab, backslash, ok2], env);

    expect(r.code).toBe(1);
    // One line per uploaded file, printed as each finishes (so in either order).
    const lines = r.stdout.trimEnd().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ok1\.txt /u);
    expect(lines[1]).toMatch(/^ok2\.txt /u);
    expect(await Promise.all(lines.map((l) => stored(linkOf(l))))).toEqual(['first', 'second']);
    // Each refused file is named once, escaped so the line break and the tab stay visible.
    expect(r.stderr).toContain(`${JSON.stringify(newline)}: not uploaded: its name contains a line break`);
    expect(r.stderr).toContain(`${JSON.stringify(tab)}: not uploaded: its name contains a tab`);
    expect(r.stderr).toContain(`${JSON.stringify(backslash)}: not uploaded: its name contains a backslash`);
    // No raw line break from a file name splits a message: every stderr line is a kiedrop line.
    for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(/^kiedrop: /u);
    expect(r.stderr).toContain('3 files were not uploaded');
  });

  it('upload --json lists the refused files with their reason', async () => {
    const ok = await writeFileIn(files, 'fine.txt', 'fine');
    const bad = await writeFileIn(files, 'bad\nname.txt', 'nl');
    const r = await runKiedrop(['upload', '--json', ok, bad], env);
    expect(r.code).toBe(1);
    const outcomes = JSON.parse(r.stdout) as { file: string; status: string; error?: { message: string } }[];
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      [ok, 'done'],
      [bad, 'refused'],
    ]);
    expect(outcomes[1]?.error?.message).toMatch(/its name contains a line break/u);
  });

  it('share of a folder uploads the other files and names the refused one', async () => {
    const folder = join(files, 'folder');
    await writeFileIn(folder, 'a.txt', 'a');
    const bad = await writeFileIn(folder, 'b\nad.txt', 'bad');
    await writeFileIn(folder, 'c.txt', 'c');

    const r = await runKiedrop(['share', folder], env, { dropEnv: ['DISPLAY', 'WAYLAND_DISPLAY'] });

    expect(r.code).toBe(1);
    const links = r.stdout.trimEnd().split('\n');
    expect(await Promise.all(links.map(stored))).toEqual(['a', 'c']);
    expect(r.stderr).toContain(
      `kiedrop: ${JSON.stringify(bad)}: not uploaded: its name contains a line break`,
    );
  });

  it('share with only refused files says which and why', async () => {
    const bad = await writeFileIn(files, 'only\tbad.txt', 'bad');
    const r = await runKiedrop(['share', bad], env, { dropEnv: ['DISPLAY', 'WAYLAND_DISPLAY'] });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${JSON.stringify(bad)}: not uploaded: its name contains a tab`);
  });
});
