// After a run that touches every place a key could slip out — the welcome screen, a rejected key, a key the
// API stops accepting, uploads, an export — no file the app or the run wrote holds the key. First, the
// scanner itself is shown to find a planted key in each form it claims to, so a clean result means something.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db';
import { HistoryStore } from '../../src/main/core/history';
import { DATABASE_FILE_NAME } from '../../src/main/core/paths';
import { PROJECT_ROOT } from '../harness';
import { startE2eRun, uniqueApiKey } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, jobRow, navButton } from './support/page-actions';
import { pdfDocument, picture } from './support/sample-files';
import { scanForSecret } from './support/secret-scan';

describe('the key scanner', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiedrop-scan-control-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a key written as text, as UTF-16, inside Base64, and inside the SQLite database', async () => {
    const key = uniqueApiKey();
    await writeFile(join(dir, 'plain.log'), `request failed: Authorization: Bearer ${key}\n`);
    await writeFile(join(dir, 'wide.txt'), Buffer.from(`key=${key}`, 'utf16le'));
    await writeFile(
      join(dir, 'blob.json'),
      JSON.stringify({ data: Buffer.from(`xy${key}z`).toString('base64') }),
    );
    const db = openDatabase(join(dir, DATABASE_FILE_NAME));
    new HistoryStore(db).insert({
      jobId: null,
      localPath: null,
      localMtimeMs: null,
      size: 1,
      method: 'url',
      source: 'url',
      uploadPath: 'kiedrop',
      fileName: 'leak.txt',
      filePath: 'kiedrop/leak.txt',
      downloadUrl: `https://files.example/leak.txt?token=${key}`,
      mimeType: 'text/plain',
      uploadedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 1000).toISOString(),
      renewOf: null,
    });
    db.close();

    const { hits } = await scanForSecret([dir], key);
    const found = new Set(hits.map((hit) => hit.file.slice(dir.length + 1)));
    expect(found.has('plain.log')).toBe(true);
    expect(found.has('wide.txt')).toBe(true);
    expect(found.has('blob.json')).toBe(true);
    expect([...found].some((name) => name.startsWith(DATABASE_FILE_NAME))).toBe(true);
    expect((await scanForSecret([dir], uniqueApiKey())).hits).toEqual([]);
  });
});

describe('after a full run of the app', () => {
  let run: E2eRun;
  const replacement = uniqueApiKey();
  let exportDir: string;

  beforeAll(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'kiedrop-export-'));
    run = await startE2eRun();
  }, 180_000);

  afterAll(async () => {
    await run?.dispose();
    await rm(exportDir, { recursive: true, force: true });
  });

  it('goes through key entry, a key the API stops accepting, uploads and an export', async () => {
    const { page, h, emulator, apiKey } = run;
    const keyField = page.getByLabel('API key', { exact: true });
    await keyField.waitFor({ timeout: 30_000 });
    // A typo first: the error must not echo what was typed.
    await keyField.fill(`${apiKey}x`);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('rejected');
    await keyField.fill(apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();
    await navButton(page, 'Upload').waitFor({ timeout: 30_000 });

    await h.dropFile('harbour.png', picture('ocean'));
    await h.dropFile('minutes.pdf', pdfDocument('Minutes'));
    await dropFiles(page, ['harbour.png', 'minutes.pdf']);
    await expect
      .poll(() => jobRow(page, 'minutes.pdf').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');

    emulator.setApiKeys([replacement]);
    await h.dropFile('poster.png', picture('blossom'));
    await dropFiles(page, ['poster.png']);
    await page.getByTestId('auth-banner').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Enter a new key' }).click();
    await page.getByTestId('key-dialog').getByLabel('API key', { exact: true }).fill(replacement);
    await page.getByTestId('key-dialog').getByRole('button', { name: 'Save key' }).click();
    await expect
      .poll(() => jobRow(page, 'poster.png').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');

    await navButton(page, 'History').click();
    for (const format of ['json', 'csv'] as const) {
      h.dialogs.nextSavePath = join(exportDir, `history.${format}`);
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: `Export as ${format.toUpperCase()}…` }).click();
      await expect
        .poll(() => page.getByTestId('announcer').textContent())
        .toContain(`History exported to ${join(exportDir, `history.${format}`)}`);
    }
    await run.snapshot('history-after-key-change');
    expect(h.engine.history.list({}).total).toBe(3);
  });

  it('leaves neither key in the data folder, the logs, the export or any screenshot', async () => {
    await run.close();
    const roots = [
      run.dataDir,
      run.logsDir,
      run.artifactsDir,
      exportDir,
      // The committed screenshots are test output too.
      join(PROJECT_ROOT, 'docs', 'screenshots'),
    ];
    for (const key of [run.apiKey, replacement]) {
      const { files, hits } = await scanForSecret(roots, key);
      const names = files.map((f) => f.slice(run.root.length));
      expect(names).toEqual(expect.arrayContaining(['/data/kiedrop.db', '/logs/window-events.json']));
      expect(files).toEqual(expect.arrayContaining([join(exportDir, 'history.csv')]));
      expect(hits).toEqual([]);
    }
  });
});
