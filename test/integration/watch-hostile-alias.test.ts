// One folder reached by two names (a symbolic link to it, or to a folder inside it) is still one folder:
// watching it a second time under the other name would upload every file twice. Refused, naming the
// folder already watched, by the service (the app's Watch screen) and by `kiedrop watch`.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import { answeredUploads } from '../support/emulator-records';
import type { KiedropProcess } from '../support/kiedrop-process';
import { sleep, until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-hostile-alias-', { watch: { availabilityPollMs: 150 } });

const names = (engine: Engine): string[] =>
  engine.history
    .list({ limit: 10_000 })
    .entries.map((e) => e.fileName)
    .sort();

/** `real` is the watched inbox; `alias` a link to it, `sub-alias` a link to a folder inside it. */
async function aliases(): Promise<{ real: string; alias: string; subAlias: string }> {
  const real = fx.watched;
  await mkdir(join(real, 'sub'));
  const alias = join(fx.dir, 'alias');
  const subAlias = join(fx.dir, 'sub-alias');
  await symlink(real, alias);
  await symlink(join(real, 'sub'), subAlias);
  return { real, alias, subAlias };
}

const startCli = (args: string[]): KiedropProcess => fx.startCli(args, 'KieDropWatchHostileAlias');

describe('the same folder under another name', () => {
  it('is refused by the service, naming the folder already watched; a file dropped in uploads once', async () => {
    const { real, alias, subAlias } = await aliases();
    const { engine, watch, folderId } = await fx.watchInbox({ quietMs: 200 });
    await expect(watch.addFolder({ path: alias, quietMs: 200 })).rejects.toThrow(
      `${alias} is the same folder as ${real}, which is already watched (folder #${folderId})`,
    );
    await expect(watch.addFolder({ path: subAlias })).rejects.toThrow(
      new RegExp(
        `${subAlias} is inside ${real}, which is already watched with its subfolders \\(folder #${folderId}\\)`,
      ),
    );
    expect(watch.list().map((f) => f.path)).toEqual([real]);

    await writeFile(join(real, 'sub', 'dropped.txt'), 'once');
    await until('the upload', () => names(engine).includes('dropped.txt'));
    await sleep(800);
    expect(answeredUploads(fx.emulator)).toBe(1);
  });

  it('is refused the other way round too: the link first, then the real folder', async () => {
    const { real, alias } = await aliases();
    const { watch } = fx.openPair();
    await watch.start();
    const first = await watch.addFolder({ path: alias });
    await expect(watch.addFolder({ path: real })).rejects.toThrow(
      `${real} is the same folder as ${alias}, which is already watched (folder #${first.id})`,
    );
    expect(watch.list()).toHaveLength(1);
  });

  it('`kiedrop watch <alias>` after `kiedrop watch <real>` fails, names the saved folder, and saves nothing', async () => {
    const { real, alias } = await aliases();
    const first = startCli(['watch', real, '--quiet', '0.2']);
    await until('watching to begin', () => first.out.stderr.includes(`watching ${real}`));
    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(0);

    const second = await startCli(['watch', alias, '--quiet', '0.2']).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `${alias} is the same folder as ${real}, which is already watched (folder #1)`,
    );
    const listed = await startCli(['watch', '--list', '--json']).done;
    expect((JSON.parse(listed.stdout) as { path: string }[]).map((f) => f.path)).toEqual([real]);
  });
});
