// `npx tsx scripts/drop-window-screenshot.ts`: regenerates docs/screenshots/drop-window.png — the floating
// drop window's real page (out/renderer/drop.html, built first when stale) in Chromium, at rest and while
// uploading, light and dark, side by side on a transparent background.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDLE_ACTIVITY } from '../src/shared/desktop';
import { DROP_DELIVER_FUNCTION, launchDropPage, PROJECT_ROOT } from '../test/harness';
import type { UploadActivity } from '../src/shared/ipc-contract';

const OUT = join(PROJECT_ROOT, 'docs', 'screenshots', 'drop-window.png');
const UPLOADING: UploadActivity = {
  phase: 'uploading',
  active: 3,
  done: 2,
  failed: 0,
  fraction: 0.42,
  pausedMessage: null,
  pausedReason: null,
};

async function shoot(colorScheme: 'light' | 'dark', activity: UploadActivity): Promise<Buffer> {
  const drop = await launchDropPage({ colorScheme });
  try {
    // The same call main makes when the uploads change (see drop-page.ts).
    await drop.page.evaluate(`window.${DROP_DELIVER_FUNCTION}(${JSON.stringify(activity)})`);
    await drop.page.waitForTimeout(400); // the ring's transition
    return await drop.page.screenshot({ omitBackground: true });
  } finally {
    await drop.close();
  }
}

const shots = [
  await shoot('light', IDLE_ACTIVITY),
  await shoot('light', UPLOADING),
  await shoot('dark', UPLOADING),
];

// Laid out by Chromium too, so no image library is needed to put them side by side.
const sheet = await launchDropPage({});
try {
  const page = await sheet.context.newPage();
  await page.setViewportSize({ width: 3 * 160 + 2 * 12, height: 160 });
  const images = shots
    .map((png) => `<img width="160" height="160" src="data:image/png;base64,${png.toString('base64')}">`)
    .join('');
  await page.setContent(
    `<html><body style="margin:0;display:flex;gap:12px;background:transparent">${images}</body></html>`,
  );
  mkdirSync(join(PROJECT_ROOT, 'docs', 'screenshots'), { recursive: true });
  writeFileSync(OUT, await page.screenshot({ omitBackground: true }));
  console.log(`wrote ${OUT}`);
} finally {
  await sheet.close();
}
