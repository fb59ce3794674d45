// `kiedrop watch --name-template`: the folder keeps its template, and each new file is uploaded under
// the name it gives, {folder} being the watched folder's own name.
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KiedropProcess } from '../support/kiedrop-process';
import { until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-naming-');

const start = (args: string[]): KiedropProcess => fx.startCli(args, 'KieDropWatchNamingTest');

describe('kiedrop watch with naming templates', () => {
  it('names each new file by the saved template, and lists the template with the folder', async () => {
    const folder = basename(fx.watched);
    const watcher = start([
      'watch',
      fx.watched,
      '--quiet',
      '0.3',
      '--name-template',
      '{folder}-{counter}.{ext}',
      '--path-template',
      'inbox/{folder}',
    ]);
    await until('watching to begin', () => watcher.out.stderr.includes(`watching ${fx.watched}`));
    await writeFile(join(fx.watched, 'first.txt'), 'one');
    await until('the first link', () => watcher.out.stdout.includes(`/inbox/${folder}/`));
    await writeFile(join(fx.watched, 'second.txt'), 'two');
    await until('the second link', () => watcher.out.stdout.includes(`${folder}-2.txt`));
    watcher.child.kill('SIGINT');
    expect((await watcher.done).code).toBe(0);
    expect(watcher.out.stdout).toMatch(new RegExp(`/inbox/${folder}/[a-z0-9]+/${folder}-1\\.txt`));

    const list = await start(['watch', '--list']).done;
    expect(list.stdout).toContain(`names {folder}-{counter}.{ext}, path inbox/{folder}`);
  });

  it('refuses a misspelt template and saves nothing', async () => {
    const { code, stderr } = await start(['watch', fx.watched, '--name-template', '{nmae}']).done;
    expect(code).not.toBe(0);
    expect(stderr).toContain('The name template "{nmae}" has an unknown variable {nmae}');
    const list = await start(['watch', '--list']).done;
    expect(list.stdout).toContain('No folders are watched');
  });
});
