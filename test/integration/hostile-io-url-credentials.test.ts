// `kiedrop upload-url https://user:password@host/file`: the server needs the password to fetch the
// file, so it goes out in the request, but nothing KieDrop prints or stores may hold it.
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import type { KiedropResult } from '../support/kiedrop-process';
import { makeTempDir } from '../support/temp-files';

const USER = 'alice-in-url';
const PASSWORD = 's3cr3t-pa55word';
const CONTENT = 'only for those who know the password';

let emu: Emulator;
let origin: Server;
let host: string;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator();
  dir = await makeTempDir('kiedrop-hostile-url-');
  // "Somewhere on the internet" that wants HTTP basic auth.
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  origin = createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end('who are you?');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(CONTENT);
  });
  await new Promise<void>((done) => origin.listen(0, '127.0.0.1', done));
  host = `127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await emu.close();
  origin.closeAllConnections();
  await new Promise((done) => origin.close(done));
  await rm(dir, { recursive: true, force: true });
});

async function dataBytes(dataDir: string): Promise<string> {
  const names = await readdir(dataDir);
  return (await Promise.all(names.map((n) => readFile(join(dataDir, n), 'latin1')))).join('\n');
}

function printed(...runs: KiedropResult[]): string {
  return runs.map((r) => `${r.stdout}\n${r.stderr}`).join('\n');
}

describe('upload-url with a password in the link', () => {
  it('fetches with the password but prints and stores the link without it', async () => {
    const dataDir = join(dir, 'ok');
    const env = cliEnv(emu, { dataDir, keychainService: `KieDropUrlCreds-${process.pid}` });
    const url = `http://${USER}:${PASSWORD}@${host}/private/report.txt`;

    const upload = await runKiedrop(['upload-url', url, '--json'], env);
    expect(upload.stderr).toBe('');
    expect(upload.code).toBe(0);
    const out = JSON.parse(upload.stdout) as { url: string; status: string; downloadUrl: string };
    expect(out.status).toBe('done');
    expect(out.url).toBe(`http://${host}/private/report.txt`);
    expect(await (await fetch(out.downloadUrl)).text()).toBe(CONTENT);

    const plain = await runKiedrop(['upload-url', url], env);
    expect(plain.code).toBe(0);
    const history = await runKiedrop(['history', '--json'], env);
    const queue = await runKiedrop(['queue', '--json'], env);
    const text = printed(upload, plain, history, queue);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(USER);
    const stored = await dataBytes(dataDir);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(USER);
  });

  it('keeps the password out of the failure the server echoes back', async () => {
    const dataDir = join(dir, 'wrong');
    const env = cliEnv(emu, { dataDir, keychainService: `KieDropUrlCreds-${process.pid}` });
    const wrong = 'wr0ng-pa55word';
    const url = `http://${USER}:${wrong}@${host}/private/report.txt`;

    const upload = await runKiedrop(['upload-url', url], env);
    // The emulator's answer names the link it could not fetch; the password must not come with it.
    expect(upload.code).toBe(1);
    expect(upload.stderr).toMatch(/HTTP 401/u);
    expect(upload.stderr).toContain(`http://${host}/private/report.txt`);
    const failed = await runKiedrop(['history', '--status', 'failed'], env);
    const queue = await runKiedrop(['queue', '--json'], env);
    expect(queue.stdout).toContain(`"sourceUrl": "http://${host}/private/report.txt"`);
    const text = printed(upload, failed, queue);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(USER);
    const stored = await dataBytes(dataDir);
    expect(stored).not.toContain(wrong);
    expect(stored).not.toContain(USER);
  });
});
