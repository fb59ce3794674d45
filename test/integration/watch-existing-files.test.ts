// Adding a folder that already holds files: by default only files that appear afterwards upload, so adding
// ~/Downloads does not make public links of everything in it; the person may choose to send them too.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import { until } from '../support/wait-until';
import { useWatchFixture } from '../support/watch-fixture';

const fx = useWatchFixture('kiedrop-watch-existing-', { watch: { availabilityPollMs: 150 } });

async function fillInbox(): Promise<void> {
  await writeFile(join(fx.watched, 'old-1.png'), 'old one');
  await writeFile(join(fx.watched, 'old-2.png'), 'old two');
  await mkdir(join(fx.watched, 'sub'));
  await writeFile(join(fx.watched, 'sub', 'old-3.png'), 'old three');
  await writeFile(join(fx.watched, 'notes.txt'), 'not an image');
}

const uploadedNames = (engine: Engine): string[] =>
  engine.history
    .list({ limit: 50 })
    .entries.map((e) => e.fileName)
    .sort();

describe('files already in a folder when it is added', () => {
  it('are counted first, through the filters, and nothing is saved by counting', async () => {
    await fillInbox();
    const { watch } = fx.openPair();
    await watch.start();
    const preview = await watch.previewFolder({ path: fx.watched, include: ['*.png'] });
    expect(preview).toEqual({ path: fx.watched, existingFiles: 3, imageStrip: 'settings' });
    expect((await watch.previewFolder({ path: fx.watched, recursive: false })).existingFiles).toBe(3);
    expect(watch.list()).toEqual([]);
  });

  it('stay local by default: only a file that appears afterwards uploads, also after a restart', async () => {
    await fillInbox();
    const first = await fx.watchInbox({ quietMs: 200 });
    await writeFile(join(fx.watched, 'new.png'), 'new');
    await until('the new file to upload', () => first.engine.history.count() === 1);
    expect(uploadedNames(first.engine)).toEqual(['new.png']);
    expect(first.watch.get(first.folderId)?.waiting).toBe(0);
    await fx.closePair(first);

    // A restart walks the folder again; the files that were there when it was added still stay local.
    const second = await fx.watchInbox({}, {});
    await writeFile(join(fx.watched, 'newer.png'), 'newer');
    await until('the newer file to upload', () => second.engine.history.count() === 2);
    expect(uploadedNames(second.engine)).toEqual(['new.png', 'newer.png']);
  });

  it('upload too when the person chooses so', async () => {
    await fillInbox();
    const { engine } = await fx.watchInbox({ quietMs: 200, include: ['*.png'], existingFiles: 'upload' });
    await until('the three images to upload', () => engine.history.count() === 3);
    expect(uploadedNames(engine)).toEqual(['old-1.png', 'old-2.png', 'old-3.png']);
  });
});
