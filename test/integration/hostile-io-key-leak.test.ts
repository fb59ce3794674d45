// A server that echoes the Authorization header back inside an answer KieDrop cannot use. A key with
// `"` and `\` in it comes back JSON-escaped, and proxies or gateways may echo it URL-encoded or as the
// Base64 of a Basic/Bearer header: none of those forms may reach stderr, stdout or the SQLite file.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

const KEY = 'kie"drop\\key-7f3a9c1e2b';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** Every form of the key a server might echo, as it would appear in the text. */
const ENCODINGS: Record<string, string> = {
  raw: KEY,
  json: JSON.stringify(KEY).slice(1, -1),
  'json twice': JSON.stringify(JSON.stringify(KEY)).slice(3, -3),
  url: encodeURIComponent(KEY),
  'url lower-case': encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/gu, (m) => m.toLowerCase()),
  base64: b64(KEY).replace(/=+$/u, ''),
  'base64 of the header value': b64(`Bearer ${KEY}`).replace(/=+$/u, ''),
  base64url: Buffer.from(KEY).toString('base64url'),
};

/** The body the server answers with: every encoding, once as plain text and once inside JSON. */
function echoBody(json: boolean): string {
  const lines = [
    `Authorization: Bearer ${KEY}`,
    `json: ${ENCODINGS.json}`,
    `json twice: ${ENCODINGS['json twice']}`,
    `url: ${ENCODINGS.url} and ${ENCODINGS['url lower-case']}`,
    `base64: ${b64(KEY)}`,
    `header: ${b64(`Bearer ${KEY}`)}`,
    `base64url: ${ENCODINGS.base64url}`,
  ];
  return json ? JSON.stringify({ success: true, data: { echo: lines } }) : lines.join('\n');
}

let emu: Emulator;
let dir: string;

beforeAll(async () => {
  emu = await startEmulator({ apiKeys: [KEY] });
  dir = await makeTempDir('kiedrop-hostile-key-');
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

async function dataBytes(dataDir: string): Promise<string> {
  const names = await readdir(dataDir);
  const texts = await Promise.all(names.map((n) => readFile(join(dataDir, n), 'latin1')));
  return texts.join('\n');
}

function leaks(text: string): string[] {
  return Object.entries(ENCODINGS)
    .filter(([, form]) => text.includes(form))
    .map(([name]) => name);
}

describe('the API key echoed back by the server', () => {
  it.each([
    ['a plain-text answer', false],
    ['a JSON answer without the upload fields', true],
  ])('is redacted in every encoding from %s', async (_, json) => {
    const dataDir = join(dir, `data-${String(json)}`);
    const env = { ...cliEnv(emu, { dataDir, keychainService: `KieDropKeyLeak-${process.pid}` }) };
    env['KIEDROP_API_KEY'] = KEY;
    const file = await writeFileIn(dir, 'echo.txt', 'echo');
    emu.faults.add({ path: '/api/file-stream-upload', malformedBody: echoBody(json), times: 1 });

    const upload = await runKiedrop(['upload', file], env);
    const asJson = await runKiedrop(['queue', '--json'], env);
    const failed = await runKiedrop(['history', '--status', 'failed'], env);
    emu.faults.clear();

    // The upload really failed on the echo, and says so.
    expect(upload.code).toBe(1);
    expect(upload.stderr).toMatch(/not JSON|cannot be used/u);
    expect(upload.stderr).toContain('[redacted]');
    expect(asJson.stdout).toContain('[redacted]');
    const shown = [upload.stdout, upload.stderr, asJson.stdout, asJson.stderr, failed.stdout, failed.stderr];
    expect(leaks(shown.join('\n'))).toEqual([]);
    expect(leaks(await dataBytes(dataDir))).toEqual([]);
  });
});
