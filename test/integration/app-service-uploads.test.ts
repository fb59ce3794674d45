// Uploads and history through the handler table, against the emulator: what the upload screen and the
// history list do, end to end over real HTTP, a real SQLite file and real files.
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';
import { handlerFailure } from '../support/failures';

// A real 1×1 PNG, so a thumbnail can be made from it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let app: TestApp;
let h: TestApp['service']['handlers'];

async function uploaded(jobs: JobSnapshot[]): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (const job of jobs) {
    const done = await app.waitForEvent(
      'job',
      (j) => j.id === job.id && (j.status === 'done' || j.status === 'failed'),
    );
    if (done.status !== 'done' || done.historyId === null)
      throw new Error(`${done.fileName} failed: ${done.lastError}`);
    const entry = app.service.engine.history.get(done.historyId);
    if (!entry) throw new Error(`no history entry for ${done.fileName}`);
    entries.push(entry);
  }
  return entries;
}

beforeAll(async () => {
  app = await startTestApp({ savedKey: 'kie-test-key-0123456789abcdef', settings: { copyOnUpload: false } });
  h = app.service.handlers;
});
afterAll(async () => {
  await app?.close();
});
beforeEach(() => {
  app.emulator.faults.clear();
});

describe('uploading from the window', () => {
  it('uses the default upload path from settings, and the job ends in history and in jobs:list', async () => {
    await h['settings:set']({ defaultUploadPath: 'team/shots' });
    const file = await app.writeFile('screen.png', PNG);
    const jobs = await h['upload:files']([file], {});
    expect(jobs).toMatchObject([{ fileName: 'screen.png', uploadPath: 'team/shots', status: 'queued' }]);
    const [entry] = await uploaded(jobs);
    expect(entry).toMatchObject({
      fileName: 'screen.png',
      uploadPath: 'team/shots',
      localPath: file,
      status: 'active',
    });
    await app.waitForEvent('history', (c) => c.added?.id === entry?.id);
    expect(await h['jobs:list']()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: jobs[0]?.id, status: 'done', historyId: entry?.id }),
      ]),
    );
    const onServer = app.emulator.storedFile(entry?.filePath ?? '');
    expect(onServer && (await readFile(onServer))).toEqual(PNG);
  });

  it('asks before replacing a live link with the same name, and replaces it when told to', async () => {
    const first = await app.writeFile('v1.txt', 'version one');
    const second = await app.writeFile('v2.txt', 'version two');
    const [original] = await uploaded(
      await h['upload:files']([first], { uploadPath: 'docs', fileName: 'notes.txt' }),
    );
    const refused = await handlerFailure(
      h['upload:files']([second], { uploadPath: 'docs', fileName: 'notes.txt' }),
    );
    expect(refused.kind).toBe('name-collision');
    expect(refused.message).toContain(original?.downloadUrl);
    const [replacement] = await uploaded(
      await h['upload:files']([second], { uploadPath: 'docs', fileName: 'notes.txt', overwrite: true }),
    );
    const onServer = app.emulator.storedFile(replacement?.filePath ?? '');
    expect(onServer && (await readFile(onServer, 'utf8'))).toBe('version two');
  });

  it('refuses a file name for several files at once', async () => {
    const a = await app.writeFile('one.txt', '1');
    const b = await app.writeFile('two.txt', '2');
    const err = await handlerFailure(h['upload:files']([a, b], { fileName: 'same.txt' }));
    expect(err).toEqual({
      kind: 'invalid-argument',
      message: expect.stringContaining('only when uploading one file'),
    });
  });

  it('refreshes the credit balance after an upload finishes', async () => {
    app.emulator.setCredits(77);
    const file = await app.writeFile('credit.txt', 'costs nothing in the emulator');
    await uploaded(await h['upload:files']([file], {}));
    expect(await app.waitForEvent('credits', (n) => n === 77)).toBe(77);
  });
});

describe('the history list', () => {
  let image: HistoryEntry;
  let text: HistoryEntry;
  let imagePath: string;

  beforeAll(async () => {
    imagePath = await app.writeFile('photo.png', PNG);
    const textPath = await app.writeFile('readme.txt', 'plain text');
    [image, text] = (await uploaded(
      await h['upload:files']([imagePath, textPath], { uploadPath: 'shared' }),
    )) as [HistoryEntry, HistoryEntry];
  });

  it('copies links as URL, Markdown, HTML or the custom template, one per line, onto the clipboard', async () => {
    const url = await h['history:copy-link']([image.id, text.id], 'url');
    expect(url).toBe(`${image.downloadUrl}\n${text.downloadUrl}`);
    expect(app.clipboard.last()).toBe(url);
    expect(await h['history:copy-link']([image.id, text.id], 'markdown')).toBe(
      `![photo.png](${image.downloadUrl})\n[readme.txt](${text.downloadUrl})`,
    );
    expect(await h['history:copy-link']([text.id], 'html')).toBe(
      `<a href="${text.downloadUrl}">readme.txt</a>`,
    );
    await h['settings:set']({ customCopyTemplate: '{name} → {url} (until {expires})' });
    expect(await h['history:copy-link']([image.id], 'custom')).toBe(
      `photo.png → ${image.downloadUrl} (until ${image.expiresAt})`,
    );
    expect(await handlerFailure(h['history:copy-link']([999_999], 'url'))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('keeps a copied Markdown link whole when the file name has brackets and parentheses', async () => {
    const path = await app.writeFile('shot [final] (1).png', PNG);
    const [entry] = await uploaded(await h['upload:files']([path], { uploadPath: 'shared' }));
    const markdown = await h['history:copy-link']([entry?.id ?? 0], 'markdown');
    const match = /^!\[(.*)\]\((\S+)\)$/.exec(markdown);
    expect(match?.[1]).toBe('shot \\[final\\] (1).png');
    expect(decodeURI(match?.[2] ?? '')).toBe(decodeURI(entry?.downloadUrl ?? '-'));
  });

  it('opens only links from history, in the browser', async () => {
    await h['history:open-link'](image.id);
    expect(app.shell.opened.at(-1)).toBe(image.downloadUrl);
    expect(await handlerFailure(h['history:open-link'](999_999))).toMatchObject({ kind: 'not-found' });
  });

  it('makes thumbnails only for images whose local file still exists', async () => {
    expect(await h['history:thumbnail'](image.id)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    const requests = app.thumbnails.requests.length;
    expect(await h['history:thumbnail'](text.id)).toBeNull();
    expect(app.thumbnails.requests.length).toBe(requests);
  });

  it('exports the history where the user chooses, and nothing when the dialog is cancelled', async () => {
    const target = join(app.filesDir, 'export.json');
    app.dialogs.nextSavePath = target;
    expect(await h['history:export']('json')).toBe(target);
    expect(app.dialogs.saveRequests.at(-1)).toMatch(/^kiedrop-history-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(target, 'utf8')) as { fileName: string }[];
    expect(exported.map((e) => e.fileName)).toEqual(expect.arrayContaining(['photo.png', 'readme.txt']));
    expect(await h['history:export']('csv')).toBeNull();
    await expect(stat(join(app.filesDir, 'export.csv'))).rejects.toThrow();
  });

  it('reveals the local file, and says so plainly once it is gone (then shows no thumbnail)', async () => {
    await h['history:reveal-file'](image.id);
    expect(app.shell.revealed.at(-1)).toBe(imagePath);
    await rm(imagePath);
    const err = await handlerFailure(h['history:reveal-file'](image.id));
    expect(err).toEqual({
      kind: 'not-found',
      message: expect.stringContaining(`${imagePath} is no longer there`),
    });
    expect(await h['history:thumbnail'](image.id)).toBeNull();
  });

  it('deletes an entry and tells the window', async () => {
    expect(await h['history:delete'](text.id)).toBe(true);
    await app.waitForEvent('history', (c) => c.removed === text.id);
    expect((await h['history:list']({ search: 'readme' })).total).toBe(0);
    expect(await h['history:delete'](text.id)).toBe(false);
  });
});

describe('settings that change the engine', () => {
  let other: Emulator;
  beforeAll(async () => {
    other = await startEmulator();
  });
  afterAll(async () => {
    await other?.close();
  });

  it('sends the next upload to the new host after the upload host changes', async () => {
    await h['settings:set']({ uploadBaseUrl: other.url, concurrency: 2 });
    const file = await app.writeFile('moved.txt', 'to the other host');
    const [entry] = await uploaded(await h['upload:files']([file], {}));
    const onOther = other.storedFile(entry?.filePath ?? '');
    expect(onOther && (await readFile(onOther, 'utf8'))).toBe('to the other host');
    expect(app.emulator.storedFile(entry?.filePath ?? '')).toBeUndefined();
    await h['settings:set']({ uploadBaseUrl: app.emulator.url });
  });

  it('copies every link of a finished batch at once when copy-on-upload is on', async () => {
    await h['settings:set']({ copyOnUpload: true, copyFormat: 'markdown' });
    const before = app.clipboard.texts.length;
    const a = await app.writeFile('batch-a.txt', 'a');
    const b = await app.writeFile('batch-b.png', PNG);
    const entries = await uploaded(await h['upload:files']([a, b], {}));
    await expect.poll(() => app.clipboard.texts.length).toBe(before + 1);
    expect(app.clipboard.last()).toBe(
      `[batch-a.txt](${entries[0]?.downloadUrl})\n![batch-b.png](${entries[1]?.downloadUrl})`,
    );
    // The window hears of it only now, once the links are really on the clipboard.
    const copied = await app.waitForEvent('links-copied');
    expect(copied).toEqual({ count: 2, name: null });
    await h['settings:set']({ copyOnUpload: false });
  });

  it('says nothing was copied when the clipboard refuses the links', async () => {
    await h['settings:set']({ copyOnUpload: true });
    const write = app.clipboard.writeText;
    app.clipboard.writeText = () => Promise.reject(new Error('The desktop refused the copy.'));
    try {
      const events = app.events.length;
      const file = await app.writeFile('refused-copy.txt', 'x');
      await uploaded(await h['upload:files']([file], {}));
      const notice = await app.waitForEvent('notice', (n) => n.message.includes('not copied'));
      expect(notice.message).toBe(
        'The link was not copied: The desktop refused the copy. They are in your history.',
      );
      // The stable code lets the window say it in the person's language.
      expect(notice).toMatchObject({ code: 'clipboard.links-not-copied', params: { count: 1 } });
      expect(app.events.slice(events).some((e) => e.event === 'links-copied')).toBe(false);
    } finally {
      app.clipboard.writeText = write;
      await h['settings:set']({ copyOnUpload: false });
    }
  });
});

describe('the upload list across reloads', () => {
  it('forgets dismissed finished rows, keeps unfinished ones, and brings a retried row back', async () => {
    const done = await app.writeFile('to-dismiss.txt', 'done');
    const [doneJob] = await h['upload:files']([done], {});
    await uploaded(doneJob ? [doneJob] : []);
    const [failed] = await h['upload:files']([join(app.filesDir, 'gone.txt')], {});
    expect(failed?.status).toBe('failed');
    await h['queue:pause']();
    try {
      const [waiting] = await h['upload:files']([await app.writeFile('waiting.txt', 'w')], {});
      const listed = async () => (await h['jobs:list']()).map((j) => j.id);
      expect(await listed()).toEqual(expect.arrayContaining([doneJob?.id, failed?.id, waiting?.id]));

      // [] is "Clear finished": the waiting row is no finished business and stays.
      expect(await h['jobs:dismiss']([])).toBeGreaterThanOrEqual(2);
      expect(await listed()).toEqual([waiting?.id]);
      expect(await h['jobs:dismiss']([waiting?.id ?? 0])).toBe(0);

      await h['jobs:retry']([failed?.id ?? 0]);
      expect(await listed()).toEqual(expect.arrayContaining([failed?.id, waiting?.id]));
    } finally {
      await h['queue:resume']();
    }
  });
});
