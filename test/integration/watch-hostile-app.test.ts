// The same hostile folders seen from the app (the Watch screen's handlers and the window's events): a
// link leading out of the folder and a refused upload each come as a notice the person can read, and
// the folder under another name is refused with the folder already watched named.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startTestApp } from '../harness';
import type { TestApp } from '../harness';
import type { WatchFolderStatus } from '../../src/shared/ipc-contract';
import { STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { handlerFailure } from '../support/failures';
import { sleep, until } from '../support/wait-until';

const KEY = 'kie-test-key-0123456789abcdef';
const QUIET_MS = 200;

let emulator: Emulator;
let scratch: string;
let inbox: string;
const apps: TestApp[] = [];

async function open(dataDir: string): Promise<TestApp> {
  const app = await startTestApp({
    emulator,
    savedKey: KEY,
    dataDir,
    settings: { copyOnUpload: false },
    watch: { availabilityPollMs: 150 },
  });
  apps.push(app);
  return app;
}

async function watchInbox(app: TestApp): Promise<WatchFolderStatus> {
  // The files put there before are part of each case: have them uploaded too.
  const added = await app.service.handlers['watch:add']({
    path: inbox,
    quietMs: QUIET_MS,
    existingFiles: 'upload',
  });
  if (!added) throw new Error('the folder was not added');
  await until('the folder to be watched', () => app.service.watch.get(added.id)?.state === 'watching');
  return added;
}

const notices = (app: TestApp): { level: string; message: string }[] =>
  app.events.filter((e) => e.event === 'notice').map((e) => e.payload as { level: string; message: string });

const uploadedNames = (app: TestApp): string[] =>
  app.service.engine.history
    .list({ limit: 100 })
    .entries.map((e) => e.fileName)
    .sort();

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});
beforeEach(async () => {
  emulator.faults.clear();
  emulator.log.length = 0;
  scratch = await mkdtemp(join(tmpdir(), 'kiedrop-watch-hostile-app-'));
  inbox = join(scratch, 'inbox');
  await mkdir(inbox);
});
afterEach(async () => {
  for (const app of apps.splice(0).reverse()) await app.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('the app watching a hostile folder', () => {
  it('says once, in a notice, that a link leading out of the folder was skipped, and uploads nothing through it', async () => {
    const outside = join(scratch, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'id_rsa.txt'), 'PRIVATE KEY');
    await symlink(outside, join(inbox, 'linked'));
    await writeFile(join(inbox, 'photo.jpg'), 'inside');
    const app = await open(join(scratch, 'data'));
    await watchInbox(app);
    await until('the photo upload', () => uploadedNames(app).includes('photo.jpg'));
    await writeFile(join(outside, 'created-later.txt'), 'also private');
    await writeFile(join(inbox, 'marker.txt'), 'after');
    await until('the marker upload', () => uploadedNames(app).includes('marker.txt'));
    await sleep(800);
    expect(uploadedNames(app)).toEqual(['marker.txt', 'photo.jpg']);
    const said = notices(app).filter((n) => n.message.includes(join(inbox, 'linked')));
    expect(said).toHaveLength(1);
    expect(said[0]?.message).toMatch(/leads outside the watched folder/);
  });

  it('shows a refused upload as a notice naming the file and the reason, and sends it again at the next start', async () => {
    emulator.faults.add({ path: STREAM_UPLOAD_ROUTE, status: 402 });
    const dataDir = join(scratch, 'data');
    const first = await open(dataDir);
    const folder = await watchInbox(first);
    await writeFile(join(inbox, 'report.pdf'), 'numbers');
    const notice = await first.waitForEvent('notice', (n) => n.message.includes('report.pdf'));
    expect(notice.level).toBe('error');
    expect(notice.message).toContain(`${join(inbox, 'report.pdf')} could not be uploaded`);
    expect(notice.message).toMatch(/enough credits \(402\)/);
    const listed = await first.service.handlers['watch:list']();
    expect(listed.folders.find((f) => f.id === folder.id)?.lastError).toContain('report.pdf');
    await first.close();

    emulator.faults.clear();
    const second = await open(dataDir);
    await until('the upload after the restart', () => uploadedNames(second).includes('report.pdf'));
  });

  it('refuses the watched folder again under another name, naming the one already watched', async () => {
    const alias = join(scratch, 'alias');
    await symlink(inbox, alias);
    const app = await open(join(scratch, 'data'));
    const folder = await watchInbox(app);
    const refused = await handlerFailure(app.service.handlers['watch:add']({ path: alias }));
    expect(refused.kind).toBe('invalid-argument');
    expect(refused.message).toContain(
      `${alias} is the same folder as ${inbox}, which is already watched (folder #${folder.id})`,
    );
    expect((await app.service.handlers['watch:list']()).folders).toHaveLength(1);
  });
});
