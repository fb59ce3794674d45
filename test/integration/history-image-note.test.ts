// The note of an optimised upload is stored as a stable code; entries recorded before the codes hold the
// English sentence itself, and read back as they are (matched to their code when the app wrote them).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/index';
import type { KieDropDb } from '../../src/main/core/db/index';
import { HistoryStore } from '../../src/main/core/history/index';
import { recordImageSizes } from '../../src/main/core/images/index';

const NOW = Date.UTC(2026, 11, 7, 9, 0, 0);

let dir: string;
let db: KieDropDb;
let store: HistoryStore;
let seq = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiedrop-image-note-'));
  db = openDatabase(join(dir, 'kiedrop.db'));
  store = new HistoryStore(db, { now: () => NOW });
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** An entry whose image_note column holds `stored`, as a version of the app wrote it. */
function entryWithNote(stored: string | null): number {
  seq++;
  const entry = store.insert({
    jobId: null,
    localPath: null,
    localMtimeMs: null,
    size: 10,
    method: 'stream',
    source: 'manual',
    uploadPath: 'kiedrop',
    fileName: `paper-${seq}.pdf`,
    filePath: `kieai/1/kiedrop/paper-${seq}.pdf`,
    downloadUrl: `https://files.example.test/kieai/1/kiedrop/paper-${seq}.pdf`,
    mimeType: 'application/pdf',
    uploadedAt: new Date(NOW).toISOString(),
    expiresAt: new Date(NOW + 3 * 86_400_000).toISOString(),
    renewOf: null,
  });
  recordImageSizes(db, entry.id, { tempPath: null, originalSize: 10, uploadedSize: 10, note: stored });
  return entry.id;
}

describe('an optimised upload’s note in History', () => {
  it('is stored as a code and read with its English sentence', () => {
    const id = entryWithNote('not-an-image');
    const raw = db.conn.prepare('SELECT image_note FROM history WHERE id = ?').get(id) as {
      image_note: string;
    };
    expect(raw.image_note).toBe('not-an-image');
    expect(store.get(id)?.image).toEqual({
      originalSize: 10,
      uploadedSize: 10,
      note: 'Not a picture KieDrop can optimise; sent unchanged.',
      noteCode: 'not-an-image',
    });
  });

  it('an older entry’s English sentence is kept as it is, with its code when the app wrote it', () => {
    const old = entryWithNote('The picture could not be read for optimising; sent unchanged.');
    expect(store.get(old)?.image).toMatchObject({
      note: 'The picture could not be read for optimising; sent unchanged.',
      noteCode: 'unreadable',
    });
    const other = entryWithNote('Some note from a version that worded it otherwise.');
    expect(store.get(other)?.image).toMatchObject({
      note: 'Some note from a version that worded it otherwise.',
      noteCode: null,
    });
    const none = entryWithNote(null);
    expect(store.get(none)?.image).toMatchObject({ note: null, noteCode: null });
  });
});
