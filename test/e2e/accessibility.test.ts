// axe-core on every screen, in both themes and both languages: no serious or critical violation. The
// screens hold what a person sees after some use: uploads done and going, active and expired links, a
// watched folder, and the welcome screen before any of it. One browser for every combination.
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/shared/settings';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { dropFiles } from './support/page-actions';
import { picture } from './support/sample-files';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

const THEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'zh-CN'] as const;
const SCREENS = [
  { key: 'upload', en: 'Upload', zh: '上传' },
  { key: 'history', en: 'History', zh: '历史' },
  { key: 'watch', en: 'Watch', zh: '监视' },
  { key: 'settings', en: 'Settings', zh: '设置' },
] as const;
const DAY = 24 * 60 * 60 * 1000;

let run: E2eRun;

interface Finding {
  id: string;
  impact: string;
  targets: string[];
}

/** Serious and critical violations on the page as it is now. */
async function audit(page: Page): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the debugging protocol: the page's CSP (script-src 'self') stays as it ships.
  if (!loaded) await page.evaluate(axeSource);
  // A toast fading in or out is drawn half transparent for a moment; contrast is judged once such finite
  // animations and transitions have ended (spinners, which never end, are left running).
  await page.evaluate(async () => {
    const doc = globalThis as unknown as {
      document: {
        getAnimations(): {
          effect: { getTiming(): { iterations: number } } | null;
          finished: Promise<unknown>;
        }[];
      };
    };
    const ending = doc.document
      .getAnimations()
      .filter((a) => a.effect !== null && a.effect.getTiming().iterations !== Infinity);
    await Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
  });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 6).map((n) => n.target.join(' ')),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Not serious to axe, but every screen must have a top-level heading to start from.
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) serious.push({ id: 'one-h1', impact: 'serious', targets: [`${h1} h1 elements`] });
  return serious;
}

async function setLook(theme: Settings['theme'], language: Settings['language']): Promise<void> {
  await run.h.handlers['settings:set']({ theme, language });
  await expect
    .poll(() =>
      run.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    )
    .toBe(language);
  // Let the theme's colours finish their transitions before measuring contrast.
  await run.page.waitForTimeout(250);
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation').first().getByRole('button', { name, exact: true });
}

beforeAll(async () => {
  run = await startE2eRun({ uploadRate: 48 * 1024 });
  await run.page.getByRole('heading', { name: 'Welcome to KieDrop' }).waitFor({ timeout: 30_000 });
  await mkdir(join(run.root, 'watched'), { recursive: true });
}, 180_000);

afterAll(async () => {
  await run?.dispose();
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  it('on the welcome screen, in both themes and languages', async () => {
    const found: Record<string, Finding[]> = {};
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await setLook(theme, language);
        const v = await audit(run.page);
        if (v.length > 0) found[`welcome ${theme} ${language}`] = v;
        // With its network settings open too.
        const toggle = run.page.getByRole('button', {
          name: language === 'en' ? 'Network settings' : '网络设置',
        });
        await toggle.click();
        const open = await audit(run.page);
        if (open.length > 0) found[`welcome network ${theme} ${language}`] = open;
        await toggle.click();
      }
    }
    expect(found).toEqual({});
  }, 120_000);

  it('on every screen of the app, in both themes and languages', async () => {
    const { page, h, emulator, apiKey } = run;
    await setLook('light', 'en');
    await page.getByLabel('API key', { exact: true }).fill(apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();
    await nav(page, 'Upload').waitFor({ timeout: 30_000 });

    // Two links that have expired by now, two that are fresh, and uploads still going.
    for (const name of ['old-a.png', 'old-b.png']) await h.dropFile(name, picture('ocean'));
    await dropFiles(page, ['old-a.png', 'old-b.png']);
    await expect.poll(() => h.engine.history.count(), { timeout: 30_000 }).toBe(2);
    emulator.clock.advance(4 * DAY);
    for (const name of ['new-a.png', 'new-b.png']) await h.dropFile(name, picture('sunset'));
    await dropFiles(page, ['new-a.png', 'new-b.png']);
    await expect.poll(() => h.engine.history.count(), { timeout: 30_000 }).toBe(4);
    const going = ['big-1.png', 'big-2.png', 'big-3.png', 'big-4.png', 'big-5.png'];
    for (const name of going) await h.dropFile(name, picture('mountains'));
    await dropFiles(page, going);
    const added = await h.handlers['watch:add']({ path: join(run.root, 'watched') });
    expect(added?.id).toEqual(expect.any(Number));

    const found: Record<string, Finding[]> = {};
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await setLook(theme, language);
        for (const screen of SCREENS) {
          await nav(page, language === 'en' ? screen.en : screen.zh).click();
          await expect.poll(() => page.locator('.nav-item-current').count()).toBe(1);
          await page.waitForTimeout(200);
          const v = await audit(page);
          if (v.length > 0) found[`${screen.key} ${theme} ${language}`] = v;
        }
      }
    }
    expect(found).toEqual({});
  }, 180_000);

  it('on the add-folder dialog and the shortcuts sheet, in both themes and languages', async () => {
    const { page, h } = run;
    const another = join(run.root, 'another');
    await mkdir(another, { recursive: true });
    const found: Record<string, Finding[]> = {};
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await setLook(theme, language);
        await nav(page, language === 'en' ? 'Watch' : '监视').click();
        h.dialogs.nextPickedFolder = another;
        await page.locator('.watch-toolbar .button-primary').click();
        await page.getByTestId('watch-add-dialog').waitFor({ timeout: 10_000 });
        const dialog = await audit(page);
        if (dialog.length > 0) found[`add folder ${theme} ${language}`] = dialog;
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('watch-add-dialog').count()).toBe(0);

        await page.locator('body').press('?');
        await page.getByTestId('shortcuts-sheet').waitFor({ timeout: 10_000 });
        const sheet = await audit(page);
        if (sheet.length > 0) found[`shortcuts ${theme} ${language}`] = sheet;
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('shortcuts-sheet').count()).toBe(0);
      }
    }
    expect(found).toEqual({});
  }, 120_000);
});
