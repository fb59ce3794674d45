// Typing in the History search sends a query per pause; with a million entries the app answers only the
// latest one: a search still waiting its turn when a newer one arrives is answered as superseded, unrun.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const history = app.service.engine.history;
  for (const name of ['holiday.png', 'invoice-1.pdf', 'invoice-2.pdf']) {
    history.insert({
      jobId: null,
      localPath: null,
      localMtimeMs: null,
      size: 1,
      method: 'stream',
      source: 'manual',
      uploadPath: 'kiedrop',
      fileName: name,
      filePath: `kiedrop/a/${name}`,
      downloadUrl: `https://files.example.test/kiedrop/a/${name}`,
      mimeType: 'application/octet-stream',
      uploadedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString(),
      renewOf: null,
    });
  }
});
afterAll(async () => {
  await app.close();
});

describe('history search while typing', () => {
  it('answers only the latest search; the one it replaced is marked superseded', async () => {
    const list = app.service.handlers['history:list'];
    const older = list({ search: 'hol', limit: 50 });
    const newer = list({ search: 'invoice', limit: 50 });
    expect(await older).toEqual({ entries: [], total: 0, superseded: true });
    const page = await newer;
    expect(page.superseded).toBeUndefined();
    expect(page.entries.map((e) => e.fileName).sort()).toEqual(['invoice-1.pdf', 'invoice-2.pdf']);
  });

  it('never drops a listing without a search, nor lets one drop a search', async () => {
    const list = app.service.handlers['history:list'];
    const search = list({ search: 'holiday', limit: 50 });
    const plain = list({ status: 'expired', limit: 1 });
    expect((await plain).total).toBe(0);
    expect((await search).entries.map((e) => e.fileName)).toEqual(['holiday.png']);
  });
});
