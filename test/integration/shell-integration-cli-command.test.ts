// `kiedrop` in ~/.local/bin for the installed app on Linux (Settings → Desktop integration): the script it
// writes starts the app's program as the command line, it never touches a `kiedrop` it did not write,
// and it says when it is off PATH or points at a program that is gone.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cliCommandPath,
  cliCommandStatus,
  installCliCommand,
  removeCliCommand,
} from '../../src/main/core/shell-integration';
import type { IntegrationOptions } from '../../src/main/core/shell-integration';

const run = promisify(execFile);
let home: string;
let opts: IntegrationOptions;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-cli-command-'));
  // A stand-in for the app's program: writes out the arguments it got, exits with 4.
  const program = join(home, 'Apps', "Kie'Drop", 'kiedrop-app');
  await mkdir(join(program, '..'), { recursive: true });
  await writeFile(
    program,
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${join(home, 'args.txt')}'\nexit 4\n`,
  );
  await chmod(program, 0o755);
  opts = { exePath: program, exeArgs: [], home, env: { PATH: `/usr/bin:${join(home, '.local', 'bin')}` } };
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the kiedrop command in ~/.local/bin', () => {
  it('starts the app program as the command line with every argument, and keeps its exit code', async () => {
    const status = await installCliCommand(opts);
    expect(status).toMatchObject({ state: 'installed', location: cliCommandPath(home), onPath: true });
    expect((await stat(cliCommandPath(home))).mode & 0o777).toBe(0o755);
    const code = await run(cliCommandPath(home), ['upload', 'a b.png', '--path', "it's"]).then(
      () => 0,
      (err: { code?: number }) => err.code,
    );
    expect(code).toBe(4);
    expect((await readFile(join(home, 'args.txt'), 'utf8')).split('\n').slice(0, -1)).toEqual([
      '--cli',
      '--ozone-platform=headless',
      '--',
      'upload',
      'a b.png',
      '--path',
      "it's",
    ]);
  });

  it('says when ~/.local/bin is not on PATH', async () => {
    expect((await installCliCommand({ ...opts, env: { PATH: '/usr/bin:/bin' } })).onPath).toBe(false);
  });

  it('leaves a kiedrop it did not write alone: install refuses, remove skips it', async () => {
    await mkdir(join(home, '.local', 'bin'), { recursive: true });
    await writeFile(cliCommandPath(home), '#!/usr/bin/env node\n// the npm package\n');
    await expect(installCliCommand(opts)).rejects.toThrow(
      /was not created by KieDrop, so it was left alone\. Move or delete it, then install the kiedrop command again\./,
    );
    expect((await cliCommandStatus(opts)).state).toBe('foreign');
    await removeCliCommand(opts);
    expect(await readFile(cliCommandPath(home), 'utf8')).toContain('the npm package');
  });

  it('names the program once it is gone, and removing leaves no folder it made behind', async () => {
    await installCliCommand(opts);
    const moved = { ...opts, exePath: join(home, 'New', 'kiedrop-app') };
    expect((await cliCommandStatus(moved)).state).toBe('outdated');
    expect((await cliCommandStatus(moved)).missingProgram).toBeUndefined();
    await rm(join(home, 'Apps'), { recursive: true });
    expect((await cliCommandStatus(moved)).missingProgram).toBe(opts.exePath);
    const removed = await removeCliCommand(moved);
    expect(removed.state).toBe('absent');
    // ~/.local/bin did not exist before the install, so it goes too.
    expect(await stat(join(home, '.local', 'bin')).catch(() => null)).toBeNull();
  });
});
