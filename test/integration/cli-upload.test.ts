// The `kiedrop` binary as a user runs it: real processes against the real emulator over loopback HTTP,
// with the history and queue in a temp data folder. The key comes from KIEDROP_API_KEY here; keychain
// flows are in cli-keychain.test.ts.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { sha256 } from '../emulator/test-client';
import { cliEnv, runKiedrop } from '../support/kiedrop-process';
import { makeTempDir, writeFileIn } from '../support/temp-files';

let emulator: Emulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await makeTempDir('kiedrop-cli-');
  env = cliEnv(emulator, {
    dataDir: join(dir, 'data'),
    keychainService: `KieDropCliTest-${process.pid}`,
    // The server-error tests below retry within milliseconds instead of waiting for minutes.
    fastRetries: true,
  });
});

afterAll(async () => {
  await emulator?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  emulator.faults.clear();
});

const makeFile = (name: string, bytes: Buffer | string): Promise<string> => writeFileIn(dir, name, bytes);

interface JsonOutcome {
  file: string;
  jobId: number;
  historyId?: number;
  status: string;
  fileName?: string;
  filePath?: string;
  downloadUrl?: string;
  expiresAt?: string;
  error?: { kind: string; message: string };
}

describe('kiedrop upload', () => {
  it('prints a working link with its local expiry, and the server keeps the exact bytes', async () => {
    const bytes = Buffer.from('hello from the command line\n'.repeat(1000));
    const file = await makeFile('hello.txt', bytes);
    const { code, stdout, stderr } = await runKiedrop(['upload', file], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const match = /^hello\.txt {2}(\S+) {2}expires \d{4}-\d\d-\d\d \d\d:\d\d \(in 3 d\)\n$/u.exec(stdout);
    expect(match, stdout).not.toBeNull();
    const link = match?.[1] ?? '';
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
    // The default folder is "kiedrop", with a folder of its own so no earlier link is replaced.
    const filePath = /\/files\/(kieai\/\d+\/kiedrop\/[a-z2-7]{8}\/hello\.txt)$/u.exec(link)?.[1];
    expect(filePath, link).toBeDefined();
    expect(emulator.storedFile(filePath ?? '')).toBeDefined();
  });

  it('never replaces an earlier link when the same file is uploaded twice', async () => {
    const file = await makeFile('twice.txt', 'first version');
    const first = await runKiedrop(['upload', file, '--json'], env);
    await writeFile(file, 'second version');
    const second = await runKiedrop(['upload', file, '--json'], env);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [a] = JSON.parse(first.stdout) as JsonOutcome[];
    const [b] = JSON.parse(second.stdout) as JsonOutcome[];
    expect(a?.downloadUrl).not.toBe(b?.downloadUrl);
    expect(await (await fetch(a?.downloadUrl ?? '')).text()).toBe('first version');
    expect(await (await fetch(b?.downloadUrl ?? '')).text()).toBe('second version');
  });

  it('records each upload in the history shared with the app', async () => {
    const file = await makeFile('recorded.txt', 'recorded');
    const upload = await runKiedrop(['upload', file, '--json', '--path', 'recorded'], env);
    const [result] = JSON.parse(upload.stdout) as JsonOutcome[];
    const history = await runKiedrop(['history', '--search', 'recorded.txt', '--json'], env);
    expect(history.code).toBe(0);
    const { entries, total } = JSON.parse(history.stdout) as {
      entries: { id: number; downloadUrl: string; localPath: string; source: string }[];
      total: number;
    };
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({
      id: result?.historyId,
      downloadUrl: result?.downloadUrl,
      localPath: file,
      source: 'cli',
    });
  });

  it('prints only one JSON array with --json, honouring --path and --name', async () => {
    const bytes = Buffer.from([0, 1, 2, 3, 255, 254]);
    const file = await makeFile('raw.bin', bytes);
    const { code, stdout } = await runKiedrop(
      ['upload', file, '--json', '--path=cli/tests', '--name', 'renamed.bin'],
      env,
    );
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as JsonOutcome[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({
      file,
      fileName: 'renamed.bin',
      filePath: emulator.filePathFor('cli/tests', 'renamed.bin'),
    });
    const stored = emulator.storedFile(emulator.filePathFor('cli/tests', 'renamed.bin'));
    expect(stored).toBeDefined();
    expect(sha256(await readFile(stored ?? ''))).toBe(sha256(bytes));
  });

  it('uploads with --base64 too', async () => {
    const bytes = Buffer.from('base64 body '.repeat(300));
    const file = await makeFile('b64.txt', bytes);
    const { code, stdout } = await runKiedrop(['upload', '--base64', '--json', '--path', 'b64', file], env);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as JsonOutcome[];
    expect(sha256(await readFile(emulator.storedFile(result?.filePath ?? '') ?? ''))).toBe(sha256(bytes));
    expect(emulator.log.at(-1)?.path).toBe('/api/file-base64-upload');
  });

  it('uploads a batch several at a time, each file once with its own bytes', async () => {
    const files = await Promise.all(
      Array.from({ length: 12 }, (_, i) => makeFile(`batch-${i}.bin`, randomBytes(1000 + i * 5000))),
    );
    emulator.faults.add({ latencyMs: 150, path: '/api/file-stream-upload' });
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', ...files, '--concurrency', '4', '--path', 'batch', '--json'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const outcomes = JSON.parse(stdout) as JsonOutcome[];
    expect(outcomes.map((o) => o.file)).toEqual(files);
    for (const [i, o] of outcomes.entries()) {
      expect(sha256(await readFile(emulator.storedFile(o.filePath ?? '') ?? ''))).toBe(
        sha256(await readFile(files[i] ?? '')),
      );
    }
    const requests = emulator.log.slice(before);
    expect(requests).toHaveLength(12);
    // How many requests the server had in hand at once: up to the limit, never more.
    const inFlight = requests.map(
      (r) =>
        requests.filter((o) => o.startedAt <= r.startedAt && r.startedAt < o.startedAt + o.durationMs).length,
    );
    expect(Math.max(...inFlight)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(4);
  });

  it('keeps going past a missing file and an empty folder, then exits 1', async () => {
    const good1 = await makeFile('one.txt', 'one');
    const good2 = await makeFile('two.txt', 'two');
    const folder = join(dir, 'a-folder');
    await mkdir(folder, { recursive: true });
    const missing = join(dir, 'nope.txt');
    const { code, stdout, stderr } = await runKiedrop(
      ['upload', good1, missing, folder, good2, '--json', '--path', 'mixed'],
      env,
    );
    expect(code).toBe(1);
    const outcomes = JSON.parse(stdout) as JsonOutcome[];
    expect(outcomes.map((o) => [o.file, o.error === undefined])).toEqual([
      [good1, true],
      [missing, false],
      [folder, false],
      [good2, true],
    ]);
    expect(await readFile(emulator.storedFile(outcomes[0]?.filePath ?? '') ?? '', 'utf8')).toBe('one');
    expect(await readFile(emulator.storedFile(outcomes[3]?.filePath ?? '') ?? '', 'utf8')).toBe('two');
    expect(outcomes[1]).toMatchObject({ status: 'failed', error: { kind: 'local-file' } });
    // The empty folder is named before anything is sent, the missing file after the results.
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/a-folder: not uploaded: is a folder, and it holds no file to upload/u);
    expect(lines[1]).toBe(`kiedrop: File not found: ${missing}`);
    expect(lines[2]).toBe('kiedrop: 1 file was not uploaded (see above).');
  });

  it('refuses Base64 for a file over 10 MB and suggests streaming, without sending it', async () => {
    const big = await makeFile('big.bin', Buffer.alloc(10 * 1024 * 1024 + 1));
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(['upload', '--base64', big], env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /big\.bin is 10,485,761 bytes; Base64 uploads take at most 10,485,760 bytes\. Leave out --base64/,
    );
    expect(emulator.log.length).toBe(before);
  });

  it('refuses an invalid --path before sending anything', async () => {
    const file = await makeFile('p.txt', 'p');
    const before = emulator.log.length;
    const { code, stderr } = await runKiedrop(['upload', file, '--path', '/abs/path/'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kiedrop: The upload path "\/abs\/path\/" must not start or end with "\/"/u);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(emulator.log.length).toBe(before);
  });

  it('refuses --name with several files', async () => {
    const a = await makeFile('n1.txt', '1');
    const b = await makeFile('n2.txt', '2');
    const { code, stderr } = await runKiedrop(['upload', a, b, '--name', 'x.txt'], env);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'kiedrop: --name works with a single file only (got 2 files) (see `kiedrop upload --help`)\n',
    );
  });

  it('retries a passing server error and still uploads the file once', async () => {
    const file = await makeFile('flaky.txt', 'flaky');
    emulator.faults.add({ status: 500, msg: 'Internal server error', times: 2 });
    const before = emulator.log.length;
    const { code, stdout, stderr } = await runKiedrop(['upload', file, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as JsonOutcome[];
    expect(emulator.log.slice(before).map((e) => e.status)).toEqual([500, 500, 200]);
    expect(await readFile(emulator.storedFile(result?.filePath ?? '') ?? '', 'utf8')).toBe('flaky');
  });

  it('turns a lasting server error into one clear line and exit 1', async () => {
    const file = await makeFile('fault.txt', 'fault');
    emulator.faults.add({ status: 500, msg: 'Internal server error', times: 10 });
    const { code, stdout, stderr } = await runKiedrop(['upload', file], { ...env, KIEDROP_DEBUG: '' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^kiedrop: .*fault\.txt: .*(500|server).*Gave up after 8 attempts/iu);
    expect(stderr).not.toMatch(/\n\s+at /u);
    // The failure is kept, with its reason, for `kiedrop queue --retry-failed`.
    const failed = await runKiedrop(['history', '--status', 'failed'], env);
    expect(failed.stdout).toContain('fault.txt');
    expect(failed.stdout).toMatch(/Gave up after 8 attempts/u);
  });

  it('keeps the upload waiting when the key is rejected, and says how to go on without showing the key', async () => {
    // A data folder of its own: the waiting job must not show up in the other tests.
    const own = { ...env, KIEDROP_DATA_DIR: join(dir, 'data-rejected') };
    const file = await makeFile('auth.txt', 'auth');
    const wrongKey = 'wrong-key-0123456789-zzzz';
    const { code, stderr } = await runKiedrop(['upload', file], { ...own, KIEDROP_API_KEY: wrongKey });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'kiedrop: API key rejected — fix KIEDROP_API_KEY (or unset it to use the key saved with ' +
        '`kiedrop key set`); 1 upload is waiting and will resume with `kiedrop queue --resume`.\n',
    );
    expect(stderr).not.toContain(wrongKey);

    const resumed = await runKiedrop(['queue', '--resume'], own);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^auth\.txt {2}http:\/\/\S+\/auth\.txt {2}expires /u);
  });

  it('refuses an explicit name that would replace a live link, unless told --overwrite', async () => {
    const file = await makeFile('cover.png', 'old cover');
    const first = await runKiedrop(['upload', file, '--name', 'cover.png', '--path', 'site', '--json'], env);
    expect(first.code).toBe(0);
    const [old] = JSON.parse(first.stdout) as JsonOutcome[];

    await writeFile(file, 'new cover');
    const before = emulator.log.length;
    const refused = await runKiedrop(['upload', file, '--name', 'cover.png', '--path', 'site'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `kiedrop: "site/cover.png" already holds a live upload (history entry h${old?.historyId}, expires in 3 d). ` +
        `Uploading under that name would make ${old?.downloadUrl} serve the new file. ` +
        'Add --overwrite to replace it, or choose another --name. Nothing was uploaded.\n',
    );
    expect(emulator.log.length).toBe(before);
    expect(await (await fetch(old?.downloadUrl ?? '')).text()).toBe('old cover');

    const forced = await runKiedrop(
      ['upload', file, '--name', 'cover.png', '--path', 'site', '--overwrite'],
      env,
    );
    expect(forced.code).toBe(0);
    expect(await (await fetch(old?.downloadUrl ?? '')).text()).toBe('new cover');
    const history = await runKiedrop(['history', '--search', 'site/cover.png', '--json'], env);
    const { entries } = JSON.parse(history.stdout) as { entries: { id: number; status: string }[] };
    expect(entries.find((e) => e.id === old?.historyId)?.status).toBe('replaced');
  });

  it('refuses a bad --concurrency, and --overwrite without --name, before anything is queued', async () => {
    const file = await makeFile('c.txt', 'c');
    const zero = await runKiedrop(['upload', file, '--concurrency', '0'], env);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toBe(
      'kiedrop: --concurrency must be a whole number from 1 to 10 (got "0") (see `kiedrop upload --help`)\n',
    );
    const overwrite = await runKiedrop(['upload', file, '--overwrite'], env);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/^kiedrop: --overwrite only applies with --name/u);
    const queue = await runKiedrop(['queue', '--json'], env);
    const listed = JSON.parse(queue.stdout) as {
      unfinished: { localPath: string }[];
      failed: { localPath: string }[];
    };
    expect([...listed.unfinished, ...listed.failed].map((j) => j.localPath)).not.toContain(file);
  });
});

describe('kiedrop upload-url', () => {
  let source: Server;
  let sourceUrl: string;
  const payload = Buffer.from('fetched by the service '.repeat(100));

  beforeAll(async () => {
    source = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': payload.length });
      res.end(payload);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/remote.txt`;
  });

  afterAll(async () => {
    await new Promise((resolve) => source.close(resolve));
  });

  it('has the service fetch the URL and prints the link', async () => {
    const { code, stdout } = await runKiedrop(['upload-url', sourceUrl, '--path', 'from-url', '--json'], env);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as JsonOutcome & { url: string };
    expect(result.url).toBe(sourceUrl);
    expect(result.status).toBe('done');
    expect(sha256(await readFile(emulator.storedFile(result.filePath ?? '') ?? ''))).toBe(sha256(payload));
  });

  it('prints a link line without --json', async () => {
    const { code, stdout } = await runKiedrop(['upload-url', sourceUrl, '--name', 'copy.txt'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^copy\.txt {2}http:\/\/127\.0\.0\.1:\d+\/files\/kieai\/\d+\/kiedrop\/copy\.txt {2}expires .* \(in 3 d\)\n$/u,
    );
  });

  it('refuses a non-http URL before sending anything', async () => {
    const before = emulator.log.length;
    const { code, stderr } = await runKiedrop(['upload-url', 'ftp://example.com/x.png'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kiedrop: Only http:\/\/ and https:\/\/ links/u);
    expect(emulator.log.length).toBe(before);
  });
});

describe('kiedrop credits', () => {
  it('prints the balance', async () => {
    emulator.setCredits(42);
    const { code, stdout } = await runKiedrop(['credits'], env);
    expect(code).toBe(0);
    expect(stdout).toBe('42 credits left.\n');
    const json = await runKiedrop(['credits', '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual({ credits: 42 });
  });

  it('lets --credits-url beat KIEDROP_CREDITS_URL', async () => {
    // Port 9 (discard) has no listener on loopback: using it would fail with a network error.
    const dead = { ...env, KIEDROP_CREDITS_URL: 'http://127.0.0.1:9' };
    const viaFlag = await runKiedrop(['credits', '--credits-url', emulator.url], dead);
    expect(viaFlag.code).toBe(0);
    const viaEnv = await runKiedrop(['credits'], dead);
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.stderr.trim().split('\n')).toHaveLength(1);
    expect(viaEnv.stderr).toMatch(/^kiedrop: /u);
  });
});

describe('usage', () => {
  it.each([
    [['--help'], 'kiedrop <command>'],
    [['help'], 'kiedrop <command>'],
    [['upload', '--help'], 'kiedrop upload <file or folder…>'],
    [['upload-url', '-h'], 'kiedrop upload-url <url>'],
    [['credits', '--help'], 'kiedrop credits'],
    [['key', '--help'], 'kiedrop key <set|test|clear>'],
    [['key', 'set', '--help'], 'kiedrop key set'],
    [['key', 'test', '--help'], 'kiedrop key test'],
    [['key', 'clear', '--help'], 'kiedrop key clear'],
    [['history', '--help'], 'kiedrop history'],
    [['renew', '--help'], 'kiedrop renew <id>'],
    [['queue', '--help'], 'kiedrop queue'],
    [['export', '--help'], 'kiedrop export'],
    [['help', 'upload'], 'kiedrop upload <file or folder…>'],
  ])('`kiedrop %j` prints its help and exits 0', async (args, usage) => {
    const { code, stdout, stderr } = await runKiedrop(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: ${usage}`);
    expect(stderr).toBe('');
  });

  it('prints the version', async () => {
    const { code, stdout } = await runKiedrop(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^kiedrop \d+\.\d+\.\d+\n$/u);
  });

  it('rejects an unknown command or option in one line with exit 2', async () => {
    const unknown = await runKiedrop(['uplod', 'x'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'kiedrop: unknown command "uplod"; did you mean "upload"? (see `kiedrop --help`)\n',
    );
    const far = await runKiedrop(['frobnicate'], env);
    expect(far.stderr).toBe('kiedrop: unknown command "frobnicate" (see `kiedrop --help`)\n');
    const flag = await runKiedrop(['credits', '--verbose'], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('kiedrop: unknown option --verbose (see `kiedrop credits --help`)\n');
  });
});
