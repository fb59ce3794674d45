// The Upload screen's picture choice wins over Settings for the files it sends: "Optimise" converts a
// PNG to WebP though Settings say not to, and "Send as they are" sends it unchanged though Settings say
// to optimise. Without a choice, Settings decide, as before.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { writeScreenshotPng } from '../support/test-images';

let app: TestApp;

async function uploaded(job: JobSnapshot | undefined): Promise<HistoryEntry> {
  const done = await app.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
  );
  const entry = done.historyId === null ? undefined : app.service.engine.history.get(done.historyId);
  if (!entry) throw new Error(`${done.fileName} was not uploaded: ${done.lastError}`);
  return entry;
}

const stored = (entry: HistoryEntry): Promise<Buffer> =>
  readFile(app.emulator.storedFile(entry.filePath) ?? '');

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
    const entry = await uploaded(job);
    expect(entry.fileName).toBe('Chosen webp.webp');
    const meta = await sharp(await stored(entry)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 720, 450]);
  });

  it('sends the PNG unchanged with "as they are" while Settings say to optimise', async () => {
    const png = await writeScreenshotPng(app.filesDir, 'Chosen as is.png');
    const h = app.service.handlers;
    await h['settings:set']({ imageOptimize: true, imageFormat: 'jpeg', stripMetadata: true });
    const [job] = await h['upload:files']([png], { images: { mode: 'as-is' } });
    const entry = await uploaded(job);
    expect(entry.fileName).toBe('Chosen as is.png');
    expect((await stored(entry)).equals(await readFile(png))).toBe(true);

    // Without a choice, the same file follows Settings again.
    const [plain] = await h['upload:files']([png], {});
    const followed = await uploaded(plain);
    expect(followed.fileName).toBe('Chosen as is.jpg');
    await h['settings:set']({ imageOptimize: false, stripMetadata: false });
  });
});
