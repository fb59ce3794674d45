// `kiedrop` as a user installs it: `npm pack`, then `npm install -g` of that tarball into an empty prefix,
// then the installed command uploads a file to the emulator. And `--version`/`--help` start without loading
// the database, keychain or HTTP modules (each command loads its own code when it runs).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { PROJECT_ROOT } from '../harness';

const run = promisify(execFile);
let root: string;
let emulator: Emulator;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kiedrop-pack-cli-'));
  emulator = await startEmulator();
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/**
 * Module hooks that make loading any of these packages fail, so a test sees exactly what a command loads:
 * one for import (an ES module hook) and one for require() (the built command is CommonJS).
 */
function forbidding(packages: readonly string[]): string {
  const pattern = `^(${packages.map((p) => p.replace(/[/@.-]/g, '\\$&')).join('|')})$`;
  const refuse = `if (new RegExp(${JSON.stringify(pattern)}).test(s)) throw new Error('kiedrop loaded ' + s);`;
  const hook = `export async function resolve(s, c, n) { ${refuse} return n(s, c); }`;
  const register = [
    `import Module, { register } from 'node:module';`,
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`,
    `const resolveFilename = Module._resolveFilename;`,
    `Module._resolveFilename = function (s, ...rest) { ${refuse} return resolveFilename.call(this, s, ...rest); };`,
  ].join('\n');
  return `--import=data:text/javascript,${encodeURIComponent(register)}`;
}

const HEAVY = ['libsql', '@napi-rs/keyring', 'https-proxy-agent', 'undici', 'sharp', 'conf'];

describe('the kiedrop command', () => {
  it('answers --version and --help without loading the database, keychain or HTTP modules', async () => {
    const env = { ...process.env, NODE_OPTIONS: forbidding(HEAVY) };
    const bin = join(PROJECT_ROOT, 'bin', 'kiedrop.js');
    const version = await run(process.execPath, [bin, '--version'], { env });
    expect(version.stdout).toMatch(/^kiedrop \d+\.\d+\.\d+\n$/);
    const help = await run(process.execPath, [bin, '--help'], { env });
    expect(help.stdout).toContain('Usage: kiedrop <command> [options]');
    const uploadHelp = await run(process.execPath, [bin, 'upload', '--help'], { env });
    expect(uploadHelp.stdout).toContain('kiedrop upload');
    // The hook does bite: a command that needs the database cannot start under it.
    const history = run(process.execPath, [bin, 'history'], {
      env: { ...env, KIEDROP_DATA_DIR: join(root, 'forbidden-data') },
    });
    await expect(history).rejects.toMatchObject({ stderr: expect.stringContaining('kiedrop loaded libsql') });
  });

  it('installs from its npm tarball into an empty prefix and uploads a file', async () => {
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', root], {
      cwd: PROJECT_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const tarball = join(root, stdout.trim().split('\n').at(-1) ?? '');
    const listing = await run('tar', ['-tzf', tarball]);
    const files = listing.stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/bin/kiedrop.js', 'package/out/cli/kiedrop.js']));
    // No sources, tests or app bundles: only what the command runs.
    expect(files.filter((f) => /^package\/(src|test|bench|docs|scripts|out\/renderer)\//.test(f))).toEqual(
      [],
    );

    const prefix = join(root, 'prefix');
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 240_000,
      },
    );
    const kiedrop = join(prefix, 'bin', 'kiedrop');
    const file = join(root, 'from-the-installed-command.txt');
    await writeFile(file, 'uploaded by a globally installed kiedrop');
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIEDROP_'))),
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
      KIEDROP_DATA_DIR: join(root, 'data'),
    };
    const upload = await run(kiedrop, ['upload', file, '--json'], { env, cwd: root });
    const [result] = JSON.parse(upload.stdout) as { status: string; filePath: string; downloadUrl: string }[];
    expect(result?.status).toBe('done');
    const stored = emulator.storedFile(result?.filePath ?? '');
    expect(stored && (await readFile(stored, 'utf8'))).toBe('uploaded by a globally installed kiedrop');
    // The installed package carries no development tools.
    const installed = await readdir(join(prefix, 'lib', 'node_modules', 'kiedrop', 'node_modules'));
    expect(installed).not.toContain('electron');
    expect(installed).not.toContain('tsx');
  }, 300_000);
});

describe('kiedrop upload without a proxy', () => {
  it('uploads a file without loading the proxy tunnel, mime-types, zod or conf packages', async () => {
    const file = join(root, 'notes.json');
    // Without a proxy, the tunnel library is never loaded; the mime table is generated into the source.
    // Nor are the settings' schemas: zod and conf alone would nearly double a one-file upload's start-up
    // (95 → 190 ms of CPU, measured).
    await writeFile(file, '{"a":1}\n');
    const env = {
      ...process.env,
      NODE_OPTIONS: forbidding(['https-proxy-agent', 'mime-types', 'mime-db', 'zod', 'conf']),
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
      KIEDROP_DATA_DIR: join(root, 'data'),
      HTTPS_PROXY: '',
      HTTP_PROXY: '',
      https_proxy: '',
      http_proxy: '',
    };
    const { stdout } = await run(
      process.execPath,
      [join(PROJECT_ROOT, 'bin', 'kiedrop.js'), 'upload', file, '--json'],
      {
        env,
      },
    );
    const [outcome] = JSON.parse(stdout) as { status: string; downloadUrl: string }[];
    expect(outcome?.status).toBe('done');
    const stored = await fetch(outcome?.downloadUrl ?? '');
    expect(await stored.text()).toBe('{"a":1}\n');
  });

  it('uploads to an http:// address without loading TLS', async () => {
    const file = join(root, 'plain.txt');
    await writeFile(file, 'over plain http\n');
    // Node's own record of the built-in modules it loaded, written as the process ends.
    const loadedList = join(root, 'loaded-modules.txt');
    const preload = join(root, 'record-loaded-modules.cjs');
    await writeFile(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedList)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const env = {
      ...process.env,
      NODE_OPTIONS: `--require=${preload}`,
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
      KIEDROP_DATA_DIR: join(root, 'data'),
    };
    const { stdout } = await run(
      process.execPath,
      [join(PROJECT_ROOT, 'bin', 'kiedrop.js'), 'upload', file, '--json'],
      { env },
    );
    expect((JSON.parse(stdout) as { status: string }[])[0]?.status).toBe('done');
    const loaded = (await readFile(loadedList, 'utf8')).split('\n');
    expect(loaded).toContain('NativeModule http');
    expect(loaded.filter((name) => /^NativeModule (https|tls|_tls_wrap)$/.test(name))).toEqual([]);
  });
});
