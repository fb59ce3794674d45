// The harness on the real built renderer (out/renderer, built first when stale): the page loads under
// its own CSP, finds window.kiedrop, and an upload started through it completes with events in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchHarness, recordEvents, recordedEvents } from '../harness';
import type { Harness } from '../harness';
import type { JobSnapshot } from '../../src/shared/ipc-contract';

let h: Harness;

beforeAll(async () => {
  h = await launchHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('the harness on the built renderer', () => {
  it('serves the KieDrop page with window.kiedrop bound to the app service', async () => {
    await expect.poll(() => h.page.title()).toBe('KieDrop');
    const info = await callApi(h.page, 'appInfo');
    expect(info).toMatchObject({ ok: true, value: { dataDir: h.dataDir, platform: process.platform } });
  });

  it('uploads a file through window.kiedrop.uploadFiles and the page hears it finish', async () => {
    await callApi(h.page, 'keySave', h.emulator.apiKey, { sessionOnly: true });
    await recordEvents(h.page, ['job']);
    await callApi(h.page, 'appReady');
    const file = await h.dropFile('report.txt', 'quarterly numbers');
    const started = await callApi(h.page, 'uploadFiles', [file], {});
    expect(started).toMatchObject({ ok: true, value: [{ fileName: 'report.txt', uploadPath: 'kiedrop' }] });
    await expect
      .poll(
        async () =>
          (await recordedEvents(h.page)).some(
            (e) =>
              (e.payload as JobSnapshot).fileName === 'report.txt' &&
              (e.payload as JobSnapshot).status === 'done',
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(h.engine.history.list({ search: 'report' }).total).toBe(1);
  });
});
