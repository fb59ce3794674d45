// "Upload clipboard" end to end: the real engine and the emulator over loopback HTTP. The
// clipboard itself is Electron's, so a programmable adapter stands in for it (and records writes).
import { readFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isClipboardUploadError, uploadClipboard } from '../../src/main/core/clipboard';
import type { ClipboardAdapter } from '../../src/main/core/clipboard';
import { openEngine } from '../../src/main/core/engine';
import type { Engine } from '../../src/main/core/engine';
import type { Notice } from '../../src/main/core/share';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG: `size`×`size` pixels of solid RGB colour, as a screenshot tool would hand over. */
function makePng(size: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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

let emu: Emulator;
let dir: string;
let engine: Engine;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  emu.log.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-clip-'));
  engine = openEngine({
    dataDir: join(dir, 'data'),
    endpoints: { uploadBaseUrl: emu.url, creditsBaseUrl: emu.url },
    getApiKey: async () => emu.apiKey,
  });
});
afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
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
      tempDir: join(dir, 'clipboard-images'),
      notify: (n) => void notices.push(n),
      now: () => new Date(2025, 2, 14, 9, 30, 5),
    });

    expect(result.kind).toBe('image');
    expect(result.savedImage).toBe(join(dir, 'clipboard-images', 'clipboard-20250314-093005.png'));
    expect(await readFile(result.savedImage ?? '')).toEqual(png);
    expect(emu.log.filter((e) => e.status === 200).map((e) => e.path)).toEqual(['/api/file-base64-upload']);

    const [entry] = engine.history.list().entries;
    expect(entry).toMatchObject({
      method: 'base64',
      source: 'clipboard',
      mimeType: 'image/png',
      fileName: 'clipboard-20250314-093005.png',
      size: png.length,
    });
    const stored = emu.storedFile(entry?.filePath ?? '');
    expect(stored && (await readFile(stored))).toEqual(png);
    expect(board.writes).toEqual([entry?.downloadUrl]);
    expect(notices.map((n) => n.title)).toEqual(['clipboard-20250314-093005.png uploaded — link copied']);
  });

  it('two images in the same second do not overwrite each other', async () => {
    const now = () => new Date(2025, 2, 14, 9, 30, 5);
    const tempDir = join(dir, 'imgs');
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
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    await writeFile(a, 'alpha');
    await writeFile(b, 'beta');
    const board = clipboard({ files: [a, b], png: makePng(4, [0, 0, 0]) });
    const result = await uploadClipboard({ clipboard: board, engine, settings, tempDir: join(dir, 'imgs') });
    expect(result.kind).toBe('files');
    expect(result.uploaded.map((e) => [e.fileName, e.method, e.source])).toEqual([
      ['a.txt', 'stream', 'clipboard'],
      ['b.txt', 'stream', 'clipboard'],
    ]);
    expect(board.writes).toEqual([result.uploaded.map((e) => e.downloadUrl).join('\n')]);
  });

  it('an http(s) link → URL upload fetched by the service', async () => {
    // Something for the service to fetch: a file already on the emulator, over loopback.
    const src = join(dir, 'source.txt');
    await writeFile(src, 'fetched by the service');
    const first = await uploadClipboard({
      clipboard: clipboard({ files: [src] }),
      engine,
      settings,
      tempDir: dir,
    });
    const link = first.uploaded[0]?.downloadUrl ?? '';

    const board = clipboard({ text: `${link}\n` });
    const result = await uploadClipboard({ clipboard: board, engine, settings, tempDir: dir });
    expect(result.kind).toBe('urls');
    expect(result.uploaded.map((e) => [e.method, e.source])).toEqual([['url', 'url']]);
    const stored = emu.storedFile(result.uploaded[0]?.filePath ?? '');
    expect(stored && (await readFile(stored, 'utf8'))).toBe('fetched by the service');
    expect(board.writes).toEqual([result.uploaded[0]?.downloadUrl]);
  });

  it('an empty clipboard or plain text → a clear error, nothing queued, nothing written', async () => {
    for (const [content, kind] of [
      [{}, 'clipboard-empty'],
      [{ text: 'just some words' }, 'clipboard-unsupported'],
    ] as const) {
      const board = clipboard(content);
      const err = await uploadClipboard({ clipboard: board, engine, settings, tempDir: dir }).catch(
        (e: unknown) => e,
      );
      expect(isClipboardUploadError(err) && err.kind).toBe(kind);
      expect((err as Error).message).toMatch(/Copy an image, some files or an http\(s\) link/);
      expect(board.writes).toEqual([]);
    }
    expect(engine.queue.list()).toEqual([]);
  });
});
