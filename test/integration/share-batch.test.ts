// "Share with KieDrop" end to end: the real engine (SQLite in a temp folder) uploading real files
// to the emulator over loopback HTTP. Only the desktop's clipboard, notification and confirm dialog
// are recorded stand-ins, because they are Electron's.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/core/engine';
import { runShareBatch } from '../../src/main/core/share';
import type { Notice, ShareDeps, ShareSettings } from '../../src/main/core/share';
import { useEngineFixture } from '../support/engine-fixture';
import { writeFileIn } from '../support/temp-files';

const fx = useEngineFixture('kiedrop-share-', { concurrency: 1, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
let engine: Engine;
beforeEach(() => {
  engine = fx.open();
});

interface Recorder {
  copies: string[];
  notices: Notice[];
  confirms: string[];
}

type Overrides = Omit<Partial<ShareDeps>, 'settings'> & {
  answer?: boolean;
  settings?: Partial<ShareSettings>;
};

function deps(over: Overrides = {}): ShareDeps & Recorder {
  const rec: Recorder = { copies: [], notices: [], confirms: [] };
  return {
    ...rec,
    engine,
    clipboard: { writeText: (t) => void rec.copies.push(t) },
    notify: (n) => void rec.notices.push(n),
    confirm: async (m) => {
      rec.confirms.push(m);
      return over.answer ?? true;
    },
    ...over,
    settings: { uploadPath: 'shared', copyFormat: 'url', ...over.settings },
  };
}

const makeFile = (rel: string, content: string): Promise<string> => writeFileIn(fx.dir, rel, content);

const uploads = () => fx.emulator.log.filter((e) => e.path.startsWith('/api/file-') && e.status === 200);

describe('runShareBatch', () => {
  it('three files → three uploads, three links on the clipboard at once in order, one notification', async () => {
    const files = [
      await makeFile('c.txt', 'ccc'),
      await makeFile('a.txt', 'a'),
      await makeFile('b.txt', 'bb'),
    ];
    const d = deps();
    const result = await runShareBatch(files, d);

    expect(result.status).toBe('done');
    expect(uploads()).toHaveLength(3);
    expect(result.uploaded.map((e) => e.fileName)).toEqual(['c.txt', 'a.txt', 'b.txt']);
    expect(result.uploaded.map((e) => e.source)).toEqual(['share', 'share', 'share']);
    expect(d.copies).toEqual([result.uploaded.map((e) => e.downloadUrl).join('\n')]);
    expect(d.copies[0]?.split('\n')).toHaveLength(3);
    expect(d.notices).toEqual([result.notice]);
    expect(d.notices[0]?.title).toBe('3 files uploaded — links copied');
    expect(d.confirms).toEqual([]);
  });

  it('copies the links in the chosen format', async () => {
    const files = [await makeFile('pic.png', 'not really a png'), await makeFile('doc.txt', 'text')];
    const d = deps({ settings: { copyFormat: 'custom', customTemplate: '{name} <{url}>' } });
    const result = await runShareBatch(files, d);
    expect(d.copies[0]).toBe(result.uploaded.map((e) => `${e.fileName} <${e.downloadUrl}>`).join('\n'));
  });

  it('a folder shares its own files in name order, without hidden files or sub-folders', async () => {
    await makeFile('album/img 10.jpg', '10');
    await makeFile('album/img 2.jpg', '2');
    await makeFile('album/.DS_Store', 'x');
    await makeFile('album/nested/deep.jpg', 'deep');
    const d = deps();
    const result = await runShareBatch([join(fx.dir, 'album')], d);
    expect(result.files.map((f) => f.slice(fx.dir.length + 1))).toEqual([
      'album/img 2.jpg',
      'album/img 10.jpg',
    ]);
    expect(result.uploaded.map((e) => e.fileName)).toEqual(['img 2.jpg', 'img 10.jpg']);
    expect(uploads()).toHaveLength(2);
  });

  it('goes into sub-folders when recursive sharing is on', async () => {
    await makeFile('album/a.jpg', 'a');
    await makeFile('album/nested/deep.jpg', 'deep');
    const result = await runShareBatch([join(fx.dir, 'album')], deps({ settings: { recurseFolders: true } }));
    expect(result.uploaded.map((e) => e.fileName)).toEqual(['a.jpg', 'deep.jpg']);
  });

  it('reports paths that do not exist and uploads the rest', async () => {
    const real = await makeFile('real.txt', 'here');
    const gone = join(fx.dir, 'gone.txt');
    const d = deps();
    const result = await runShareBatch([gone, real], d);
    expect(result.missing).toEqual([gone]);
    expect(result.uploaded.map((e) => e.fileName)).toEqual(['real.txt']);
    expect(d.copies).toEqual([result.uploaded[0]?.downloadUrl]);
    expect(d.notices).toHaveLength(1);
    expect(d.notices[0]?.title).toBe('1 of 2 uploaded; 1 not found');
    expect(d.notices[0]?.body).toContain(`Not found: ${gone}`);
  });

  it('a file the server refuses is reported by name and reason; the others are still copied', async () => {
    const files = [
      await makeFile('one.txt', '1'),
      await makeFile('two.txt', '2'),
      await makeFile('three.txt', '3'),
    ];
    fx.emulator.faults.add({ status: 400, msg: 'file type not allowed', times: 1 });
    const d = deps();
    const result = await runShareBatch(files, d);
    expect(result.uploaded).toHaveLength(2);
    expect(result.failures).toHaveLength(1);
    expect(d.copies[0]?.split('\n')).toHaveLength(2);
    expect(d.notices[0]?.title).toBe('2 of 3 uploaded; 1 failed');
    expect(d.notices[0]?.body).toMatch(/one\.txt: .*file type not allowed/);
  });

  it('0 files: a clear message, nothing queued, clipboard untouched', async () => {
    await mkdir(join(fx.dir, 'empty'));
    await makeFile('only-hidden/.env', 'SECRET=1');
    const d = deps();
    const result = await runShareBatch([join(fx.dir, 'empty'), join(fx.dir, 'only-hidden')], d);
    expect(result.status).toBe('empty');
    expect(d.notices).toEqual([
      {
        title: 'Nothing to share',
        body:
          '"empty" has no files to share.\n"only-hidden" has no files to share.\n' +
          'Hidden files are skipped. Files in sub-folders are included only when sharing sub-folders is turned on.',
      },
    ]);
    expect(d.copies).toEqual([]);
    expect(engine.queue.list()).toEqual([]);
    expect(await runShareBatch([], deps())).toMatchObject({
      status: 'empty',
      message: 'No files were given.',
    });
  });

  it('500 files: asks first; declined → nothing queued, nothing uploaded, no notification', async () => {
    await mkdir(join(fx.dir, 'many'));
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => writeFile(join(fx.dir, 'many', `f${i}.txt`), String(i))),
    );
    const d = deps({ answer: false });
    const result = await runShareBatch([join(fx.dir, 'many')], d);
    expect(d.confirms).toEqual(['Upload 500 files and copy all their links? That is more than 100 at once.']);
    expect(result.status).toBe('declined');
    expect(engine.queue.list()).toEqual([]);
    expect(uploads()).toEqual([]);
    expect(d.notices).toEqual([]);
    expect(d.copies).toEqual([]);
  });

  it('at the threshold it does not ask; above it, an accepted confirm uploads them all', async () => {
    const files = [
      await makeFile('x1.txt', '1'),
      await makeFile('x2.txt', '2'),
      await makeFile('x3.txt', '3'),
    ];
    const atLimit = deps({ settings: { confirmAbove: 3 } });
    await runShareBatch(files, atLimit);
    expect(atLimit.confirms).toEqual([]);
    const above = deps({ settings: { confirmAbove: 2 }, answer: true });
    const result = await runShareBatch(files, above);
    expect(above.confirms).toHaveLength(1);
    expect(result.uploaded).toHaveLength(3);
  });

  it('links from the same launch become URL uploads, copied after the files', async () => {
    const local = await makeFile('local.txt', 'local');
    const seed = await runShareBatch([await makeFile('seed.txt', 'seed')], deps());
    const link = seed.uploaded[0]?.downloadUrl ?? '';
    const d = deps({ urls: [link] });
    const result = await runShareBatch([local], d);
    expect(result.uploaded.map((e) => [e.fileName, e.method])).toEqual([
      ['local.txt', 'stream'],
      ['seed.txt', 'url'],
    ]);
    expect(d.copies[0]?.split('\n')).toHaveLength(2);
  });

  it('an invalid upload folder is explained, and nothing is queued', async () => {
    const d = deps({ settings: { uploadPath: '../outside' } });
    const result = await runShareBatch([await makeFile('f.txt', 'f')], d);
    expect(result.status).toBe('error');
    expect(d.notices[0]?.title).toBe('Could not share');
    expect(d.notices[0]?.body).toBe(result.message);
    expect(engine.queue.list()).toEqual([]);
  });
});
