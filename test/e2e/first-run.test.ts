// First run, as a new user meets it: no key yet → the welcome screen; paste the key → it is checked with
// the API, stored in the real keychain, and from then on the window shows only its last four characters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { navButton } from './support/page-actions';
import { scanForSecret } from './support/secret-scan';

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun();
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('first run', () => {
  it('opens on the welcome screen, not the app, while no key is saved', async () => {
    const { page } = run;
    await expect
      .poll(() => page.getByRole('heading', { name: 'Welcome to KieDrop' }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await run.h.secrets.getKey()).toBeNull();
  });

  it('refuses a wrong key with a message and saves nothing', async () => {
    const { page } = run;
    await page.getByLabel('API key', { exact: true }).fill('kie-not-my-key-1234567890');
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('That key was rejected by kie.ai');
    expect(await run.h.secrets.getKey()).toBeNull();
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to KieDrop' }).isVisible()).toBe(true);
  });

  it('saves a pasted key in the keychain and opens the app, which shows only the hint', async () => {
    const { page, apiKey } = run;
    const field = page.getByLabel('API key', { exact: true });
    await field.fill(`  ${apiKey}\n`);
    await page.getByRole('button', { name: 'Save key' }).click();

    await expect.poll(() => navButton(page, 'Upload').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await run.h.secrets.getKey()).toBe(apiKey);
    const hint = `…${apiKey.slice(-4)}`;
    await expect.poll(() => page.getByTestId('key-status').textContent()).toContain(hint);
    // The balance comes from the credits call made with the new key.
    await expect.poll(() => page.getByTestId('credits').textContent(), { timeout: 15_000 }).toContain('100');

    await navButton(page, 'Settings').click();
    await expect.poll(() => page.getByTestId('key-hint').textContent()).toBe(hint);
    await expect
      .poll(() => page.getByTestId('key-section').textContent())
      .toContain('In the system keychain');
    await run.snapshot('first-run-settings');

    // Nothing in the page holds the key: not the DOM, not an input's value, not the page's storage.
    const pageState = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: {
          documentElement: { outerHTML: string };
          querySelectorAll(s: string): { value: string }[];
        };
        localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
        sessionStorage: { length: number };
      };
      const values = Array.from(g.document.querySelectorAll('input, textarea'), (el) => el.value);
      const stored = Array.from({ length: g.localStorage.length }, (_, i) => {
        const k = g.localStorage.key(i) ?? '';
        return `${k}=${g.localStorage.getItem(k) ?? ''}`;
      });
      return [g.document.documentElement.outerHTML, ...values, ...stored].join('\n');
    });
    expect(pageState).toContain(hint);
    expect(pageState).not.toContain(apiKey);
    // Every key-state event the window received carried the hint, never the key.
    const keyEvents = run.h.events.filter((e) => e.event === 'key-state');
    expect(keyEvents.length).toBeGreaterThan(0);
    expect(JSON.stringify(keyEvents)).not.toContain(apiKey);
  });

  it('leaves no copy of the key in the data folder, logs or screenshots after the run', async () => {
    await run.close();
    const { files, hits } = await scanForSecret([run.dataDir, run.logsDir, run.artifactsDir], run.apiKey);
    expect(files.map((f) => f.slice(run.root.length))).toEqual(
      expect.arrayContaining(['/data/kiedrop.db', '/data/settings.json', '/logs/window-events.json']),
    );
    expect(hits).toEqual([]);
  });
});
