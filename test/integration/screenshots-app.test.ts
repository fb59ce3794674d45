// "Upload my screenshots" in the app: the button's channel finds the screenshot folder of a GNOME/KDE
// home (user-dirs.dirs), and a screenshot saved there afterwards is uploaded and its link copied, even
// with "copy on upload" off; older screenshots and other files stay local.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import { sleep, until } from '../support/wait-until';

const KEY = 'kie-test-key-0123456789abcdef';

let emulator: Emulator;
let home: string;
let app: TestApp | null = null;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kiedrop-screenshots-app-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(home, { recursive: true, force: true });
});

describe('Upload my screenshots', () => {
  it('uploads a new screenshot from the XDG Pictures folder and copies its link', async () => {
    await mkdir(join(home, '.config'), { recursive: true });
    await writeFile(join(home, '.config', 'user-dirs.dirs'), 'XDG_PICTURES_DIR="$HOME/Bilder"\n');
    const shots = join(home, 'Bilder', 'Screenshots');
    await mkdir(shots, { recursive: true });
    await writeFile(join(shots, 'Screenshot from 2026-12-01 09-00-00.png'), 'taken before');

    app = await startTestApp({
      emulator,
      savedKey: KEY,
      dataDir: join(home, 'data'),
      env: { HOME: home },
      settings: { copyOnUpload: false },
    });
    const running = app;
    const folder = await running.service.handlers['watch:screenshots']();
    expect(folder.path).toBe(shots);
    expect(running.service.settings.get().copyLinkFolders).toEqual([shots]);
    await until('the folder to be watched', () => running.service.watch.get(folder.id)?.state === 'watching');

    await writeFile(join(shots, 'notes.txt'), 'not a screenshot');
    await writeFile(join(shots, 'Screenshot from 2026-12-07 10-15-02.png'), 'new screenshot');

    await until('the link to be copied', () => running.clipboard.texts.length > 0);
    const entries = running.service.engine.history.list({ limit: 10 }).entries;
    expect(entries.map((e) => e.fileName)).toEqual(['Screenshot from 2026-12-07 10-15-02.png']);
    expect(running.clipboard.texts).toEqual([entries[0]?.downloadUrl]);
    expect(running.events.some((e) => e.event === 'links-copied')).toBe(true);

    // Pressing it again keeps the one folder and does not copy twice.
    const again = await running.service.handlers['watch:screenshots']();
    expect(again.id).toBe(folder.id);
    expect(running.service.settings.get().copyLinkFolders).toEqual([shots]);
    await sleep(300);
    expect(running.service.engine.history.list({ limit: 10 }).entries).toHaveLength(1);

    // Removed, the folder no longer copies its links: added again by hand, it would not.
    expect(await running.service.handlers['watch:remove'](folder.id)).toBe(true);
    expect(running.service.settings.get().copyLinkFolders).toEqual([]);
  });
});
