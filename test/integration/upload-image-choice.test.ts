// The Upload screen's picture choice wins over Settings for the files it sends: "Optimise" converts a
// PNG to WebP though Settings say not to, and "Send as they are" sends it unchanged though Settings say
// to optimise. Without a choice, Settings decide, as before.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../harness';
import { storedBytes, uploadedEntry } from '../support/finished-upload';
import type { TestApp } from '../harness';
import { writeScreenshotPng } from '../support/test-images';
import type { HistoryEntry } from '../../src/shared/ipc-contract';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef', settings: { copyOnUpload: false } });
});
afterAll(async () => {
  await app?.close();
});

describe('a picture choice made for one upload', () => {
  it('optimises to WebP, shrunk to the side asked for, while Settings say not to optimise', async () => {
    const png = await writeScreenshotPng(app.filesDir, 'Chosen webp.png');
    const h = app.service.handlers;
    await h['settings:set']({ imageOptimize: false, stripMetadata: false });
    const [job] = await h['upload:files']([png], {
      images: { mode: 'optimise', format: 'webp', quality: 70, maxSide: 720, stripMetadata: true },
    });
    const entry = await uploadedEntry(app, job);
    expect(entry.fileName).toBe('Chosen webp.webp');
    const meta = await sharp(await storedBytes(app, entry)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 720, 450]);
  });

  it('sends the PNG unchanged with "as they are" while Settings say to optimise', async () => {
    const png = await writeScreenshotPng(app.filesDir, 'Chosen as is.png');
    const h = app.service.handlers;
    await h['settings:set']({ imageOptimize: true, imageFormat: 'jpeg', stripMetadata: true });
    const [job] = await h['upload:files']([png], { images: { mode: 'as-is' } });
    const entry = await uploadedEntry(app, job);
    expect(entry.fileName).toBe('Chosen as is.png');
    expect((await storedBytes(app, entry)).equals(await readFile(png))).toBe(true);

    // Without a choice, the same file follows Settings again.
    const [plain] = await h['upload:files']([png], {});
    const followed = await uploadedEntry(app, plain);
    expect(followed.fileName).toBe('Chosen as is.jpg');
    await h['settings:set']({ imageOptimize: false, stripMetadata: false });
  });

  it("applies to a clipboard picture sent with the screen's Upload clipboard; the shortcut follows Settings", async () => {
    const h = app.service.handlers;
    await h['settings:set']({ imageOptimize: false, stripMetadata: false });
    const png = await readFile(await writeScreenshotPng(app.filesDir, 'copied.png'));
    app.clipboard.content = { imagePng: png, filePaths: [], text: '' };
    const chosen = await h['clipboard:upload']({
      images: { mode: 'optimise', format: 'webp', quality: 80, maxSide: null, stripMetadata: true },
    });
    expect(chosen.uploaded).toBe(1);
    const optimised = app.service.engine.history.list({ limit: 1 }).entries[0] as HistoryEntry;
    expect(optimised.fileName).toMatch(/\.webp$/u);
    expect((await sharp(await storedBytes(app, optimised)).metadata()).format).toBe('webp');

    app.clipboard.content = { imagePng: png, filePaths: [], text: '' };
    expect((await h['clipboard:upload']({})).uploaded).toBe(1);
    const plain = app.service.engine.history.list({ limit: 1 }).entries[0] as HistoryEntry;
    expect(plain.fileName).toMatch(/\.png$/u);
  });
});
