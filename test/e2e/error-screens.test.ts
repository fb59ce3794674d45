// What a person sees when things go wrong, and how they get out of it: the key stops working (401), the
// server fails (500), a chosen file is gone before it is sent. Each screen must say what happened and
// offer the way forward, and nothing the user asked for may silently disappear.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun, uniqueApiKey } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles, jobRow, navButton } from './support/page-actions';
import { pdfDocument, picture } from './support/sample-files';
import { scanForSecret } from './support/secret-scan';

const STREAM_ROUTE = '/api/file-stream-upload';
let run: E2eRun;
const newKey = uniqueApiKey();

beforeAll(async () => {
  // Three attempts, and the server's Retry-After decides the wait: the retrying state lasts long enough to see.
  run = await startE2eRun({
    saveKey: true,
    engine: { retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 } },
  });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('when the API key stops working (401)', () => {
  it('shows the auth banner and keeps the uploads queued', async () => {
    const { page, h, emulator } = run;
    // The key was revoked on the account: the API now accepts only another one.
    emulator.setApiKeys([newKey]);
    await h.dropFile('contract-draft.pdf', pdfDocument('Contract draft'));
    await h.dropFile('site-plan.png', picture('dashboard'));
    await dropFiles(page, ['contract-draft.pdf']);

    const banner = page.getByTestId('auth-banner');
    await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await banner.textContent()).toContain(
      'API key rejected — enter a new key. Uploads are paused until then.',
    );
    expect(await page.getByTestId('queue-paused').isVisible()).toBe(true);
    // Its name starts with what it shows (the key's last four characters), then that it was rejected.
    expect(await page.getByRole('button', { name: /^API key …\S{4} \(rejected\)$/u }).count()).toBe(1);
    // Rows take job events in batches (ten a second), so the row may catch up just after the banner.
    await expect
      .poll(() => jobRow(page, 'contract-draft.pdf').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('queued');

    // More files while paused wait with the others instead of failing.
    await dropFiles(page, ['site-plan.png']);
    await expect
      .poll(() => jobRow(page, 'site-plan.png').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('queued');
    expect(await jobRow(page, 'contract-draft.pdf').getAttribute('data-status')).toBe('queued');
    expect(h.engine.queue.list({ status: ['failed'] })).toEqual([]);
    await run.snapshot('auth-banner');
  });

  it('resumes the queued uploads once a new key is entered from the banner', async () => {
    const { page, h } = run;
    await page.getByTestId('auth-banner').getByRole('button', { name: 'Enter a new key' }).click();
    const dialog = page.getByTestId('key-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('API key rejected');
    await dialog.getByLabel('API key', { exact: true }).fill(newKey);
    await dialog.getByRole('button', { name: 'Save key' }).click();

    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
    for (const name of ['contract-draft.pdf', 'site-plan.png']) {
      await expect
        .poll(() => jobRow(page, name).getAttribute('data-status'), { timeout: 30_000 })
        .toBe('done');
    }
    await expect.poll(() => page.getByTestId('auth-banner').count()).toBe(0);
    expect(await h.secrets.getKey()).toBe(newKey);
    expect(await page.getByTestId('key-status').textContent()).toContain(`…${newKey.slice(-4)}`);
  });
});

describe('when the server fails (500)', () => {
  it('shows the retry countdown with the reason, then the failure once it gives up', async () => {
    const { page, h, emulator } = run;
    emulator.faults.add({
      path: STREAM_ROUTE,
      status: 500,
      msg: 'Storage node unavailable',
      retryAfter: '2',
    });
    await h.dropFile('quarterly-report.pdf', pdfDocument('Quarterly report'));
    await dropFiles(page, ['quarterly-report.pdf']);

    const row = jobRow(page, 'quarterly-report.pdf');
    const status = row.locator('.job-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^retry in \d s — /);
    const retrying = (await status.textContent()) ?? '';
    // Said from the failure's code, keeping what the server said about its trouble.
    expect(retrying).toContain(
      'kie.ai had a problem of its own (error 500). It said: “Storage node unavailable”',
    );
    expect(await row.getAttribute('data-status')).toBe('queued');

    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    const failure = (await row.getByTestId('job-error').textContent()) ?? '';
    expect(failure).toContain('Storage node unavailable');
    expect(failure).toContain('Gave up after 3 attempts');
    expect(emulator.log.filter((e) => e.path === STREAM_ROUTE && e.status === 500)).toHaveLength(3);
    await run.snapshot('server-error');
  });

  it('uploads it with Retry once the server is back', async () => {
    const { page, emulator } = run;
    emulator.faults.clear();
    await page.getByRole('button', { name: 'Retry upload of quarterly-report.pdf' }).click();
    await expect
      .poll(() => jobRow(page, 'quarterly-report.pdf').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
  });
});

describe('when a chosen file is gone before it is sent', () => {
  it('shows a failed row saying "File not found", on the upload screen and under Failed', async () => {
    const { page, h } = run;
    const path = await h.dropFile('travel-receipt.png', picture('ocean'));
    h.dialogs.nextPickedFiles = [path];
    await rm(path);
    await page.getByRole('button', { name: 'Choose files…' }).click();

    const row = jobRow(page, 'travel-receipt.png');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
    // Said from the failure's code, in the window's language: the file by name, and what happened to it.
    const said = 'File not found: travel-receipt.png. It was moved or deleted.';
    expect(await row.getByTestId('job-error').textContent()).toBe(said);
    expect(h.dialogs.pickRequests).toBe(1);

    await navButton(page, 'History').click();
    await page.getByRole('radio', { name: 'Failed' }).click();
    const failed = page.getByTestId('failed-row');
    await expect.poll(() => failed.count(), { timeout: 10_000 }).toBe(1);
    expect(await failed.locator('.history-name').textContent()).toBe('travel-receipt.png');
    expect(await failed.locator('.failed-reason').textContent()).toBe(said);
    expect(await page.locator('.history-count').textContent()).toBe('1 failed upload');
    await run.snapshot('missing-file');
  });
});

describe('after these runs', () => {
  it('leaves neither the old nor the new key in the data folder, logs or screenshots', async () => {
    await run.close();
    const roots = [run.dataDir, run.logsDir, run.artifactsDir];
    for (const key of [run.apiKey, newKey]) {
      const { files, hits } = await scanForSecret(roots, key);
      expect(files.length).toBeGreaterThanOrEqual(6);
      expect(hits).toEqual([]);
    }
  });
});
