// `npm run screenshots`: regenerates docs/screenshots/*.png — each main screen in light and dark, 1100×720 —
// from the real app in the Chromium harness: real uploads of generated pictures and documents to the
// emulator, the clock moved so some links are expiring or expired, and a slow local uplink so uploads are
// caught mid-way. Runs inside a private keyring (scripts/with-keyring.sh), like the tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { JobSnapshot } from '../src/shared/ipc-contract';
import { PROJECT_ROOT } from '../test/harness';
import { DAY, HOUR, MINUTE, startE2eRun } from '../test/e2e/support/e2e-run';
import type { E2eRun } from '../test/e2e/support/e2e-run';
import { navButton } from '../test/e2e/support/page-actions';
import { pdfDocument, picture, writeLargeFile } from '../test/e2e/support/sample-files';
import type { SceneName } from '../test/e2e/support/sample-files';

const OUT = join(PROJECT_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1100, height: 720 };
const MiB = 1024 * 1024;
/** Per connection: a good home uplink, slow enough to catch uploads half-way. */
const UPLINK = 5 * MiB;

type Content = { scene: SceneName } | { pdf: string } | { text: string } | { bytes: number };

interface Upload {
  name: string;
  content: Content;
  /** How long ago it was uploaded. */
  age: number;
  uploadPath: string;
}

/** The History row shown being dragged out, after its local file was moved away. */
const DRAGGED = 'ui-dashboard-v3.png';

// Newest last. With links living 3 days and "expiring soon" at 6 h, this gives active, expiring and expired rows.
const HISTORY: Upload[] = [
  {
    name: 'client-logo-final.png',
    content: { scene: 'blossom' },
    age: 3 * DAY + 6 * HOUR,
    uploadPath: 'brand',
  },
  {
    name: 'offsite-agenda.pdf',
    content: { pdf: 'Team offsite agenda' },
    age: 3 * DAY + 2 * HOUR,
    uploadPath: 'docs',
  },
  {
    name: 'harbour-at-dawn.png',
    content: { scene: 'ocean' },
    age: 2 * DAY + 22 * HOUR + 20 * MINUTE,
    uploadPath: 'photos',
  },
  {
    name: 'ui-dashboard-v3.png',
    content: { scene: 'dashboard' },
    age: 2 * DAY + 19 * HOUR,
    uploadPath: 'design',
  },
  {
    name: 'q3-financials.pdf',
    content: { pdf: 'Q3 financials' },
    age: 1 * DAY + 3 * HOUR,
    uploadPath: 'docs',
  },
  { name: 'headshot-maria.png', content: { scene: 'portrait' }, age: 26 * HOUR, uploadPath: 'team' },
  { name: 'trail-run-sintra.png', content: { scene: 'mountains' }, age: 9 * HOUR, uploadPath: 'photos' },
  {
    name: 'release-notes-2.4.md',
    content: { text: '# Release 2.4\n\n- Faster uploads\n- Expiry reminders\n'.repeat(40) },
    age: 5 * HOUR,
    uploadPath: 'docs',
  },
  { name: 'sunset-cascais.png', content: { scene: 'sunset' }, age: 40 * MINUTE, uploadPath: 'photos' },
];

// Picked together on the upload screen: two small files finish at once, three large ones are caught
// half-way (three run at a time), the last waits its turn.
const BATCH: Upload[] = [
  { name: 'hero-banner-2x.png', content: { scene: 'blossom' }, age: 0, uploadPath: 'kiedrop' },
  { name: 'press-kit.pdf', content: { pdf: 'Press kit' }, age: 0, uploadPath: 'kiedrop' },
  { name: 'product-demo-4k.mp4', content: { bytes: 84 * MiB }, age: 0, uploadPath: 'kiedrop' },
  { name: 'raw-photos-lisbon.zip', content: { bytes: 46 * MiB }, age: 0, uploadPath: 'kiedrop' },
  { name: 'interview-episode-12.wav', content: { bytes: 62 * MiB }, age: 0, uploadPath: 'kiedrop' },
  { name: 'site-backup-june.tar.gz', content: { bytes: 120 * MiB }, age: 0, uploadPath: 'kiedrop' },
];

// Watched folders: one that has uploaded a screenshot, one waiting for files, one paused.
const WATCHED = [
  { folder: ['Pictures', 'Screenshots'], uploadPath: 'shots', file: 'standup-board.png' },
  { folder: ['Downloads'], uploadPath: 'kiedrop' },
  { folder: ['Documents', 'Scans'], uploadPath: 'docs/scans', paused: true },
] as const;

/** Adds the folders (as the picker would), lets one upload a file, and pauses one. */
async function seedWatch(run: E2eRun): Promise<void> {
  // The folders live in the run's own folder; as the home folder they show as "~/Pictures/…", as for a person.
  process.env['HOME'] = run.root;
  for (const spec of WATCHED) {
    const dir = join(run.root, ...spec.folder);
    mkdirSync(dir, { recursive: true });
    const added = await run.h.handlers['watch:add']({ path: dir, uploadPath: spec.uploadPath });
    if ('file' in spec) {
      writeFileSync(join(dir, spec.file), picture('dashboard'));
      await run.page.getByTestId('watch-last-upload').getByText(spec.file).waitFor({ timeout: 60_000 });
    }
    if ('paused' in spec && added) await run.h.handlers['watch:pause'](added.id);
  }
}

async function writeUpload(run: E2eRun, upload: Upload): Promise<string> {
  const { content } = upload;
  if ('scene' in content) return run.h.dropFile(upload.name, picture(content.scene));
  if ('pdf' in content) return run.h.dropFile(upload.name, pdfDocument(content.pdf));
  if ('text' in content) return run.h.dropFile(upload.name, content.text);
  const path = join(run.h.dropDir, upload.name);
  await writeLargeFile(path, content.bytes);
  return path;
}

function waitForJobs(run: E2eRun, jobs: readonly JobSnapshot[]): Promise<unknown> {
  return Promise.all(
    jobs.map((job) =>
      run.h.waitForEvent(
        'job',
        (j) => j.id === job.id && (j.status === 'done' || j.status === 'failed'),
        120_000,
      ),
    ),
  );
}

/** Uploads the history through the app, each at its own moment on the shared clock, then returns to now. */
async function seedHistory(run: E2eRun): Promise<void> {
  for (const upload of HISTORY) {
    const path = await writeUpload(run, upload);
    run.emulator.clock.set(Date.now() - upload.age);
    const jobs = await run.h.handlers['upload:files']([path], { uploadPath: upload.uploadPath });
    await waitForJobs(run, jobs);
  }
  run.emulator.clock.set(Date.now());
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function settle(page: Page): Promise<void> {
  await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2);
  // A toast from an earlier action would cover part of the screen.
  await page.locator('.toast').waitFor({ state: 'detached', timeout: 15_000 });
}

async function shoot(page: Page, name: string, ready?: () => Promise<void>): Promise<void> {
  await settle(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator(`html[data-theme="${scheme}"]`).waitFor({ state: 'attached' });
    await ready?.();
    const path = join(OUT, `${name}-${scheme}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`  ${name}-${scheme}.png  ${(statSync(path).size / 1024).toFixed(0)} KiB`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function hasChineseFonts(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Only this script's own images are replaced; other PNGs in the folder (the drop window's) stay.
  for (const name of readdirSync(OUT)) {
    if (
      /^(welcome|history|history-selection|history-drag|settings|watch|upload-progress|upload-done)(-zh)?-(light|dark)\.png$/.test(
        name,
      )
    )
      rmSync(join(OUT, name));
  }
  const run = await startE2eRun({ viewport: VIEWPORT, uploadRate: UPLINK });
  try {
    const { page, h, emulator } = run;
    run.proxy?.setRate(null);
    emulator.setCredits(1842.5);

    console.log('welcome');
    await page.getByLabel('API key', { exact: true }).waitFor({ timeout: 60_000 });
    await shoot(page, 'welcome');
    await page.getByLabel('API key', { exact: true }).fill(run.apiKey);
    await page.getByRole('button', { name: 'Save key' }).click();
    await navButton(page, 'Upload').waitFor({ timeout: 30_000 });

    console.log('history');
    await seedHistory(run);
    await navButton(page, 'History').click();
    const thumbs = page.locator('[data-testid="history-row"] img.thumb');
    await shoot(page, 'history', async () => {
      await thumbs.nth(5).waitFor({ timeout: 15_000 });
    });
    // Several entries selected: the bar with Copy links, Renew and Delete.
    const rows = page.locator('[data-testid="history-row"] .history-meta');
    await rows.nth(1).click();
    await rows.nth(3).click({ modifiers: ['Shift'] });
    await page.getByTestId('bulk-bar').waitFor();
    await shoot(page, 'history-selection');
    await page.keyboard.press('Escape');
    // A row dragged out once its file has moved: it hands over the link, and says so while the drag lasts.
    rmSync(join(run.h.dropDir, DRAGGED));
    await page.reload();
    await navButton(page, 'History').waitFor();
    await navButton(page, 'History').click();
    const dragged = page.getByRole('listitem', { name: DRAGGED });
    await dragged.getByTestId('reveal-file').and(page.locator(':disabled')).waitFor({ timeout: 15_000 });
    await settle(page);
    await dragged.locator('.history-main').dispatchEvent('dragstart', {
      dataTransfer: await page.evaluateHandle(
        () => new (globalThis as unknown as { DataTransfer: new () => unknown }).DataTransfer(),
      ),
    });
    await shoot(page, 'history-drag', async () => {
      await dragged.getByRole('status').waitFor();
    });
    await dragged.locator('.history-main').dispatchEvent('dragend');

    console.log('settings');
    await navButton(page, 'Settings').click();
    await page.getByTestId('key-section').waitFor();
    await shoot(page, 'settings');

    console.log('watch');
    await page.keyboard.press('Control+3');
    await seedWatch(run);
    await shoot(page, 'watch', async () => {
      await page.getByTestId('watch-state').getByText('Paused').waitFor();
    });

    console.log('upload');
    await navButton(page, 'Upload').click();
    await page.getByRole('button', { name: 'Clear finished' }).click();
    const paths: string[] = [];
    for (const upload of BATCH) paths.push(await writeUpload(run, upload));
    run.proxy?.setRate(UPLINK);
    h.dialogs.nextPickedFiles = paths;
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const demo = page.getByRole('progressbar', { name: 'Upload progress of product-demo-4k.mp4' });
    await settle(page);
    await demo.waitFor({ timeout: 60_000 });
    await waitUntil(async () => Number(await demo.getAttribute('aria-valuenow')) >= 28, 120_000);
    await shoot(page, 'upload-progress');

    run.proxy?.setRate(null);
    await page
      .locator('[data-testid="job-row"][data-status="done"]')
      .nth(BATCH.length - 1)
      .waitFor({ timeout: 120_000 });
    await shoot(page, 'upload-done');

    if (hasChineseFonts()) {
      console.log('zh-CN');
      await h.handlers['settings:set']({ language: 'zh-CN' });
      await page.reload();
      await page.locator('nav').waitFor();
      await page.locator('nav button').nth(1).click();
      await shoot(page, 'history-zh', async () => {
        await page.locator('[data-testid="history-row"] img.thumb').nth(2).waitFor({ timeout: 15_000 });
      });
    } else {
      console.log('fonts-noto-cjk is not installed: no Chinese screenshots.');
    }
  } finally {
    await run.dispose();
  }
  console.log(`Screenshots written to ${OUT}`);
}

await main();
