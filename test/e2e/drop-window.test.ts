// The floating drop window's page on the real built renderer, bound to the real app service and the
// emulator: files dropped on the tile are uploaded, a dragged link becomes a URL upload, the tile shows
// the uploads' progress and outcome, and the page can reach nothing but its few upload channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_KEY } from '../emulator/index';
import { DROP_DELIVER_FUNCTION, launchDropPage } from '../harness';
import type { DropPage } from '../harness';

let d: DropPage;

beforeAll(async () => {
  d = await launchDropPage({ savedKey: DEFAULT_TEST_KEY });
}, 180_000);

afterAll(async () => {
  await d?.close();
});

const tile = () => d.page.getByTestId('drop-tile');
const label = () => d.page.getByTestId('drop-label');
/** Shows an activity summary on the tile, as main's push does. */
const deliver = (activity: object) =>
  d.page.evaluate(
    ([fn, a]) => (globalThis as unknown as Record<string, (x: unknown) => void>)[fn as string]?.(a),
    [DROP_DELIVER_FUNCTION, activity] as const,
  );

describe('the drop window', () => {
  it('invites a drop when nothing is uploading', async () => {
    await expect.poll(() => d.page.title()).toBe('KieDrop drop window');
    await expect.poll(() => label().textContent()).toBe('Drop files or a link');
    expect(await tile().getAttribute('data-phase')).toBe('idle');
  });

  it('says in its own words why uploads are paused, whichever language the queue wrote in', async () => {
    const paused = {
      phase: 'paused',
      active: 1,
      done: 0,
      failed: 0,
      fraction: 0,
      pausedMessage: 'The API key was rejected — save a new key to continue',
      pausedReason: 'auth',
    };
    await d.page.evaluate(
      ([fn, activity]) =>
        (globalThis as unknown as Record<string, (a: unknown) => void>)[fn as string]?.(activity),
      [DROP_DELIVER_FUNCTION, paused] as const,
    );
    await expect.poll(() => label().textContent()).toBe('Paused');
    expect(await tile().getAttribute('title')).toBe(
      'Uploads are paused: the API key is missing, unreadable or was refused. Save it again in KieDrop to continue.',
    );
    await deliver({ ...paused, phase: 'idle', active: 0, pausedMessage: null, pausedReason: null });
    await expect.poll(() => label().textContent()).toBe('Drop files or a link');
  });

  it('uploads three dropped files as three uploads and says so on the tile', async () => {
    const names = ['notes.txt', 'photo.png', 'data.csv'];
    for (const name of names) await d.app.writeFile(name, `contents of ${name}`);
    await d.dropFiles(names);
    await expect
      .poll(
        () =>
          d.app.service.engine.history
            .list({})
            .entries.map((e) => e.fileName)
            .sort(),
        {
          timeout: 20_000,
        },
      )
      .toEqual([...names].sort());
    const streamed = d.app.emulator.log.filter(
      (e) => e.path === '/api/file-stream-upload' && e.status === 200,
    );
    expect(streamed).toHaveLength(3);
    await expect.poll(() => tile().getAttribute('data-phase'), { timeout: 10_000 }).toBe('done');
    expect(await label().textContent()).toBe('3 uploaded');
  });

  it('uploads a link dragged from a browser through the URL upload', async () => {
    const before = d.app.service.engine.history.list({}).total;
    await d.dropText(d.url);
    await expect
      .poll(() => d.app.service.engine.history.list({}).total, { timeout: 20_000 })
      .toBe(before + 1);
    const [newest] = d.app.service.engine.history.list({ limit: 1 }).entries;
    expect(newest).toMatchObject({ method: 'url', fileName: 'drop.html' });
  });

  it('refuses dropped text that is not a link, and says why on the tile', async () => {
    const before = d.app.service.engine.history.list({}).total;
    await d.dropText('just some words');
    await expect.poll(() => tile().getAttribute('data-phase')).toBe('error');
    expect(await label().textContent()).toBe('Only files and http(s) links can be uploaded.');
    expect(d.app.service.engine.history.list({}).total).toBe(before);
  });

  it('shows a burst with a refused upload as failed, counting the failures', async () => {
    await d.app.writeFile('refused.bin', 'the service will refuse this one');
    await d.app.writeFile('fine.txt', 'this one goes through');
    d.app.emulator.faults.add({
      path: '/api/file-stream-upload',
      status: 422,
      times: 1,
      msg: 'Refused by the test',
    });
    await d.dropFiles(['refused.bin', 'fine.txt']);
    await expect.poll(() => tile().getAttribute('data-phase'), { timeout: 20_000 }).toBe('failed');
    expect(await label().textContent()).toBe('1 failed');
  });

  it('says so on the tile when a dropped file no longer exists, instead of staying silent', async () => {
    await d.dropFiles(['moved-away.txt']);
    await expect.poll(() => tile().getAttribute('data-phase')).toBe('error');
    expect(await label().textContent()).toBe('moved-away.txt was not uploaded');
    // Said as the main window's Upload list says it, by the failure's code.
    expect(await tile().getAttribute('title')).toBe(
      'File not found: moved-away.txt. It was moved or deleted.',
    );
  });

  it('keeps a button that copies the latest links again after the upload is done', async () => {
    const names = ['again-a.txt', 'again-b.txt'];
    for (const name of names) await d.app.writeFile(name, `contents of ${name}`);
    await d.dropFiles(names);
    await expect.poll(() => tile().getAttribute('data-phase'), { timeout: 20_000 }).toBe('done');
    const copy = d.page.getByRole('button', { name: 'Copy the 2 links again' });
    await copy.click();
    const urls = names.map((name) => {
      const entry = d.app.service.engine.history.list({ search: name }).entries[0];
      return entry?.downloadUrl;
    });
    await expect.poll(() => d.app.clipboard.last()?.split('\n').sort()).toEqual(urls.sort());
    expect(await label().textContent()).toBe('2 links copied');
  });

  it('cannot reach channels outside its own few, even by calling the binding directly', async () => {
    const result = await d.page.evaluate(`window.__kiedropDropInvoke('settings:get', [])`);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
