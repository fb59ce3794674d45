// A picture an editor (Typora here) uploads through the app's upload server for editors shows up in
// History marked "Editor", so it is not taken for an upload the person made; their own uploads carry
// no such mark.
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eRun } from './support/e2e-run';
import type { E2eRun } from './support/e2e-run';
import { historyNames, historyRow, navButton, uploadByDrop } from './support/page-actions';
import { postToEditorServer } from '../support/editor-client';
import { encodePng } from '../support/png';
import { makeTempDir } from '../support/temp-files';

let run: E2eRun;
let port: number;

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return free;
}

beforeAll(async () => {
  port = await freePort();
  run = await startE2eRun({
    saveKey: true,
    settings: { editorServer: { enabled: true, port, token: '', clients: { 'Typora/1.9': true } } },
  });
  await navButton(run.page, 'Upload').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await run?.dispose();
});

describe("an editor's upload in History", () => {
  it('is marked Editor; a dropped file is not', async () => {
    const scratch = await makeTempDir('kiedrop-e2e-editor-');
    const picture = join(scratch, 'from-typora.png');
    await writeFile(
      picture,
      encodePng(4, 4, () => [30, 60, 90]),
    );
    // The server starts with the app, a moment after the window.
    let answer: Awaited<ReturnType<typeof postToEditorServer>> | null = null;
    await expect
      .poll(
        async () => {
          answer = await postToEditorServer(port, {
            headers: { 'Content-Type': 'application/json', 'User-Agent': 'Typora/1.9' },
            body: JSON.stringify({ list: [picture] }),
          }).catch(() => null);
          return answer?.body.success ?? false;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await uploadByDrop(run, 'dropped.txt', Buffer.from('typed by hand\n'));

    await navButton(run.page, 'History').click();
    await expect
      .poll(async () => (await historyNames(run.page)).sort(), { timeout: 15_000 })
      .toEqual(['dropped.txt', 'from-typora.png']);
    const mark = historyRow(run.page, 'from-typora.png').getByText('Editor', { exact: true });
    await expect.poll(() => mark.count(), { timeout: 15_000 }).toBe(1);
    expect(await mark.getAttribute('title')).toMatch(/^Uploaded by an editor/);
    expect(await historyRow(run.page, 'dropped.txt').getByText('Editor', { exact: true }).count()).toBe(0);
  });
});
