// `kiedrop upload --name-template / --path-template`: the link carries the name and path the templates
// give, and a template that is misspelt or gives something the File Upload API refuses sends nothing.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-naming-');
  env = cliEnv(emulator, { dataDir: join(dir, 'data'), keychainService: `KieDropNamingTest-${process.pid}` });
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function today(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

describe('kiedrop upload with naming templates', () => {
  it('names each file by its content hash under a dated path, and the link serves it', async () => {
    const file = await writeFileIn(dir, 'holiday.jpg', 'beach');
    const hex = createHash('sha256').update('beach').digest('hex');
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', '--plain', '--name-template', '{hash:10}.{ext}', '--path-template', 'img/{date}', file],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const link = stdout.trim();
    expect(link).toMatch(new RegExp(`/img/${today()}/[a-z0-9]+/${hex.slice(0, 10)}\\.jpg$`));
    expect(await fetch(link).then((r) => r.text())).toBe('beach');
  });

  it('counts on across runs with {counter}', async () => {
    const a = await writeFileIn(dir, 'a.pdf', 'a');
    const first = await runKiedrop(['upload', '--plain', '--name-template', 'scan-{counter}.{ext}', a], env);
    const second = await runKiedrop(['upload', '--plain', '--name-template', 'scan-{counter}.{ext}', a], env);
    expect(first.stdout.trim()).toMatch(/\/scan-1\.pdf$/);
    expect(second.stdout.trim()).toMatch(/\/scan-2\.pdf$/);
  });

  it('puts a --name upload at exactly the path the path template gives', async () => {
    const file = await writeFileIn(dir, 'report.txt', 'q4');
    const { code, stdout } = await runKiedrop(
      ['upload', '--plain', '--name', 'latest.txt', '--path-template', 'reports/{date:YYYY}', file],
      env,
    );
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(new RegExp(`/reports/${new Date().getFullYear()}/latest\\.txt$`));
  });

  it('refuses a misspelt variable before anything is sent', async () => {
    const file = await writeFileIn(dir, 'b.png', 'b');
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', '--name-template', '{nmae}.{ext}', file],
      env,
    );
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('The name template "{nmae}.{ext}" has an unknown variable {nmae}');
    expect(emulator.log.length).toBe(before);
  });

  it('refuses a path template whose result the API would refuse, naming the template', async () => {
    const file = await writeFileIn(dir, 'c.png', 'c');
    const before = emulator.log.length;
    const { code, stderr } = await runKiedrop(['upload', '--path-template', 'x/../{name}', file], env);
    expect(code).not.toBe(0);
    expect(stderr).toContain('The upload path template "x/../{name}" gives "x/../c", which cannot be used');
    expect(emulator.log.length).toBe(before);
  });

  it('refuses --name with --name-template', async () => {
    const file = await writeFileIn(dir, 'd.png', 'd');
    const { code, stderr } = await runKiedrop(
      ['upload', '--name', 'x.png', '--name-template', '{name}', file],
      env,
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('--name and --name-template cannot be used together');
  });
});
