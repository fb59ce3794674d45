// Settings → Editor integration on the built renderer in Chromium, over the real app service: the
// server is off until switched on there, then answers an editor's request on the port set there,
// asking about the new editor once; switching it off closes the port.
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { launchHarness } from '../harness';
import type { Harness } from '../harness';
import { postToEditorServer } from '../support/editor-client';
import { encodePng } from '../support/png';

let h: Harness;
const asked: string[] = [];

beforeAll(async () => {
  h = await launchHarness({
    savedKey: DEFAULT_TEST_KEY,
    desktop: {
      approveEditorClient: async (name) => {
        asked.push(name);
        return true;
      },
    },
  });
  await h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).waitFor({
    timeout: 30_000,
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
});

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

describe('Settings → Editor integration', () => {
  it('turns the upload server for editors on and off, on the port entered', async () => {
    const { page } = h;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const section = page.getByTestId('editors-section');
    await expect
      .poll(() => section.getByRole('heading').textContent())
      .toBe('Editor integration (Typora, Obsidian, VS Code)');
    const toggle = section.getByRole('switch', { name: 'Upload server for editors' });
    expect(await toggle.isChecked()).toBe(false);
    expect(h.service.editorServer.port).toBeNull();

    const field = section.getByTestId('setting-editor-port');
    await field.fill('80');
    await field.press('Enter');
    await expect.poll(() => section.textContent()).toContain('1024');
    expect(await section.locator('.setting-error').allTextContents()).toContain(
      'Enter a whole number from 1024 to 65535.',
    );
    expect(h.service.settings.get().editorServer.port).toBe(36677);

    const port = await freePort();
    await field.fill(String(port));
    await field.press('Enter');
    await expect.poll(() => h.service.settings.get().editorServer.port).toBe(port);
    await expect.poll(() => section.textContent()).toContain(`http://127.0.0.1:${port}/upload`);
    await toggle.click();
    await expect.poll(() => h.service.editorServer.port).toBe(port);

    const file = join(h.dropDir, 'note-image.png');
    await writeFile(
      file,
      encodePng(5, 5, () => [40, 80, 160]),
    );
    const answer = await postToEditorServer(port, {
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Typora/1.9' },
      body: JSON.stringify({ list: [file] }),
    });
    expect(answer.body.success).toBe(true);
    expect(answer.body.result).toEqual([h.engine.history.list().entries[0]?.downloadUrl]);
    expect(asked).toEqual(['Typora/1.9']);

    await toggle.click();
    await expect.poll(() => h.service.editorServer.port).toBeNull();
    await expect(postToEditorServer(port, { headers: { 'User-Agent': 'Typora/1.9' } })).rejects.toThrow(
      /ECONNREFUSED/,
    );
  });
});
