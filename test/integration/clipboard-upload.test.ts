// "Upload clipboard" end to end: the real engine and the emulator over loopback HTTP. The
// clipboard itself is Electron's, so a programmable adapter stands in for it (and records writes).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isClipboardUploadError, uploadClipboard } from '../../src/main/core/clipboard';
import type { ClipboardAdapter } from '../../src/main/core/clipboard';
import type { Engine } from '../../src/main/core/engine';
import type { Notice } from '../../src/main/core/share';
import { useEngineFixture } from '../support/engine-fixture';
import { encodePng } from '../support/png';
import type { Rgb } from '../support/png';

/** A real PNG: `size`×`size` pixels of solid RGB colour, as a screenshot tool would hand over. */
const makePng = (size: number, rgb: Rgb): Buffer => encodePng(size, size, () => rgb);

interface FakeClipboard extends ClipboardAdapter {
  writes: string[];
}

function clipboard(content: { png?: Buffer; files?: string[]; text?: string }): FakeClipboard {
  const writes: string[] = [];
  return {
    writes,
    readImagePng: () => content.png ?? null,
    readFilePaths: () => content.files ?? [],
    readText: () => content.text ?? '',
    writeText: (t) => void writes.push(t),
  };
}

const fx = useEngineFixture('kiedrop-clip-');
let engine: Engine;
beforeEach(() => {
  engine = fx.open();
});

const settings = { uploadPath: 'clips', copyFormat: 'url' as const };

describe('uploadClipboard', () => {
  it('an image → PNG saved under a time-based name → Base64 upload → history entry image/png → link copied', async () => {
    const png = makePng(8, [200, 30, 90]);
    const board = clipboard({ png, text: 'Screenshot' });
    const notices: Notice[] = [];
    const result = await uploadClipboard({
      clipboard: board,
      engine,
      settings,
      tempDir: join(fx.dir, 'clipboard-images'),
      notify: (n) => void notices.push(n),
      now: () => new Date(2025, 2, 14, 9, 30, 5),
    });

    expect(result.kind).toBe('image');
    expect(result.savedImage).toBe(join(fx.dir, 'clipboard-images', 'clipboard-20250314-093005.png'));
    expect(await readFile(result.savedImage ?? '')).toEqual(png);
    expect(fx.emulator.log.filter((e) => e.status === 200).map((e) => e.path)).toEqual([
      '/api/file-base64-upload',
    ]);

    const [entry] = engine.history.list().entries;
    expect(entry).toMatchObject({
      method: 'base64',
      source: 'clipboard',
      mimeType: 'image/png',
      fileName: 'clipboard-20250314-093005.png',
      size: png.length,
    });
    const stored = fx.emulator.storedFile(entry?.filePath ?? '');
    expect(stored && (await readFile(stored))).toEqual(png);
    expect(board.writes).toEqual([entry?.downloadUrl]);
    expect(notices.map((n) => n.title)).toEqual(['clipboard-20250314-093005.png uploaded — link copied']);
  });

  it('two images in the same second do not overwrite each other', async () => {
    const now = () => new Date(2025, 2, 14, 9, 30, 5);
    const tempDir = join(fx.dir, 'imgs');
    const a = await uploadClipboard({
      clipboard: clipboard({ png: makePng(2, [1, 2, 3]) }),
      engine,
      settings,
      tempDir,
      now,
    });
    const b = await uploadClipboard({
      clipboard: clipboard({ png: makePng(3, [4, 5, 6]) }),
      engine,
      settings,
      tempDir,
      now,
    });
    expect([a.savedImage, b.savedImage]).toEqual([
      join(tempDir, 'clipboard-20250314-093005.png'),
      join(tempDir, 'clipboard-20250314-093005-2.png'),
    ]);
    expect((await readdir(tempDir)).sort()).toHaveLength(2);
  });

  it('copied files → stream uploads, all links copied at once in order', async () => {
    const a = join(fx.dir, 'a.txt');
    const b = join(fx.dir, 'b.txt');
    await writeFile(a, 'alpha');
    await writeFile(b, 'beta');
    const board = clipboard({ files: [a, b], png: makePng(4, [0, 0, 0]) });
    const result = await uploadClipboard({
      clipboard: board,
      engine,
      settings,
      tempDir: join(fx.dir, 'imgs'),
    });
    expect(result.kind).toBe('files');
    expect(result.uploaded.map((e) => [e.fileName, e.method, e.source])).toEqual([
      ['a.txt', 'stream', 'clipboard'],
      ['b.txt', 'stream', 'clipboard'],
    ]);
    expect(board.writes).toEqual([result.uploaded.map((e) => e.downloadUrl).join('\n')]);
  });

  it("a pasted picture is named and placed by Settings' naming templates", async () => {
    const png = makePng(4, [10, 20, 30]);
    const result = await uploadClipboard({
      clipboard: clipboard({ png }),
      engine,
      settings: {
        ...settings,
        naming: { nameTemplate: 'paste-{counter}.{ext}', pathTemplate: 'clips/{date:YYYY}' },
      },
      tempDir: join(fx.dir, 'named'),
    });
    expect(result.uploaded.map((e) => [e.uploadPath, e.fileName])).toEqual([
      [`clips/${new Date().getFullYear()}`, 'paste-1.png'],
    ]);
  });

  it('an http(s) link → URL upload fetched by the service', async () => {
    // Something for the service to fetch: a file already on the emulator, over loopback.
    const src = join(fx.dir, 'source.txt');
    await writeFile(src, 'fetched by the service');
    const first = await uploadClipboard({
      clipboard: clipboard({ files: [src] }),
      engine,
      settings,
      tempDir: fx.dir,
    });
    const link = first.uploaded[0]?.downloadUrl ?? '';

    const board = clipboard({ text: `${link}\n` });
    const result = await uploadClipboard({ clipboard: board, engine, settings, tempDir: fx.dir });
    expect(result.kind).toBe('urls');
    expect(result.uploaded.map((e) => [e.method, e.source])).toEqual([['url', 'url']]);
    const stored = fx.emulator.storedFile(result.uploaded[0]?.filePath ?? '');
    expect(stored && (await readFile(stored, 'utf8'))).toBe('fetched by the service');
    expect(board.writes).toEqual([result.uploaded[0]?.downloadUrl]);
  });

  it('an empty clipboard or plain text → a clear error, nothing queued, nothing written', async () => {
    for (const [content, kind] of [
      [{}, 'clipboard-empty'],
      [{ text: 'just some words' }, 'clipboard-unsupported'],
    ] as const) {
      const board = clipboard(content);
      const err = await uploadClipboard({ clipboard: board, engine, settings, tempDir: fx.dir }).catch(
        (e: unknown) => e,
      );
      expect(isClipboardUploadError(err) && err.kind).toBe(kind);
      expect((err as Error).message).toMatch(/Copy an image, some files or an http\(s\) link/);
      expect(board.writes).toEqual([]);
    }
    expect(engine.queue.list()).toEqual([]);
  });
});
