// The drop window's QR button, on the real built renderer and app service: after an upload it shows the
// latest link as a QR code over the tile (the qrcode package's SVG for that link), and a click or
// Escape hides it again.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchDropPage } from '../harness';
import type { DropPage } from '../harness';

let d: DropPage;

beforeAll(async () => {
  d = await launchDropPage({ savedKey: DEFAULT_TEST_KEY });
}, 180_000);

afterAll(async () => {
  await d?.close();
});

describe("the drop window's QR code", () => {
  it('shows the newest upload of the burst as a QR code after the upload, and hides it again', async () => {
    const qrButton = d.page.getByRole('button', { name: 'Show the latest link as a QR code' });
    expect(await qrButton.isVisible()).toBe(false);

    const names = ['phone-a.txt', 'phone-b.txt'];
    for (const name of names) await d.app.writeFile(name, `contents of ${name}`);
    await d.dropFiles(names);
    await expect
      .poll(() => d.page.getByTestId('drop-tile').getAttribute('data-phase'), { timeout: 20_000 })
      .toBe('done');
    const entries = d.app.service.engine.history.list({ limit: 10 }).entries;
    const newest = [...entries].sort((a, b) => b.id - a.id)[0];
    const link = newest?.downloadUrl ?? '';
    expect(link).toMatch(/^https?:\/\//u);

    await qrButton.click();
    const code = d.page.getByRole('button', { name: /QR code of the latest link/u });
    await code.waitFor();
    const image = d.page.getByTestId('drop-qr-view').locator('img');
    expect(await image.getAttribute('data-link')).toBe(link);
    expect(await image.getAttribute('data-svg')).toBe(await QRCode.toString(link, { type: 'svg' }));
    expect(
      await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);

    await d.page.keyboard.press('Escape');
    await expect.poll(() => code.count()).toBe(0);
    await qrButton.click();
    await code.waitFor();
    await code.click();
    await expect.poll(() => code.count()).toBe(0);
  });
});
