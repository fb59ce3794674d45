// First run behind a proxy or with a custom host: the key cannot be checked until the network settings are
// right, so the welcome screen offers them itself, says what failed once and where to fix it, and links to
// the page where a key is made (opened in the browser, not in the window).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { navButton } from './support/page-actions';

/** Nothing listens here: "connection refused", as with a credits host typed wrong. */
const WRONG_HOST = 'http://127.0.0.1:9';

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun({ settings: { creditsBaseUrl: WRONG_HOST } });
  await run.page.getByRole('heading', { name: 'Welcome to KieDrop' }).waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('first run with the wrong network settings', () => {
  it('links to the key page, opened in the browser by the app', async () => {
    const { page, h } = run;
    const link = page.getByRole('link', { name: 'kie.ai/api-key' });
    expect(await link.getAttribute('href')).toBe('https://kie.ai/api-key');
    await link.click();
    await expect.poll(() => h.shell.opened).toEqual(['https://kie.ai/api-key']);
    expect(page.url()).not.toContain('kie.ai');
  });

  it('says once what failed and points at the network settings on this screen, which it opens', async () => {
    const { page, apiKey } = run;
    const toggle = page.getByRole('button', { name: 'Network settings' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.getByLabel('API key', { exact: true }).fill(apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('127.0.0.1:9');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Could not connect to 127.0.0.1:9: connection refused');
    expect(text).toContain('under Network settings below');
    expect(text).not.toContain('in Settings');
    // Each fact once: not "could not be checked because kie.ai was not reachable: Could not connect …".
    expect(text).not.toContain('not reachable');
    expect(text.match(/not checked|could not be checked/giu)).toHaveLength(1);
    expect(text.match(/127\.0\.0\.1:9/gu)).toHaveLength(1);
    expect(await run.h.secrets.getKey()).toBeNull();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('fixing the host right there lets the key be saved', async () => {
    const { page, apiKey, emulator } = run;
    const host = page.getByRole('textbox', { name: 'Credits host' });
    await host.fill(emulator.url);
    await host.press('Enter');
    await expect.poll(async () => (await run.h.handlers['settings:get']()).creditsBaseUrl).toBe(emulator.url);
    await page.getByLabel('API key', { exact: true }).fill(apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => navButton(page, 'Upload').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await run.h.secrets.getKey()).toBe(apiKey);
  });
});
