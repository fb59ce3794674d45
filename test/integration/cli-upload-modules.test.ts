// What a plain `kiedrop upload` loads: neither the proxy tunnel library (only a request through a proxy
// needs it) nor the mime-types package (its table is generated into the source), each of which cost
// tens of milliseconds at every start. A module hook makes loading either one fail the command.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
  root = await mkdtemp(join(tmpdir(), 'kiedrop-modules-'));
  emulator = await startEmulator();
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** NODE_OPTIONS that make resolving any of `packages` throw "kiedrop loaded <name>". */
function forbidding(packages: readonly string[]): string {
  const pattern = `^(${packages.map((p) => p.replace(/[/@.-]/g, '\\$&')).join('|')})$`;
  const hook = `export async function resolve(s, c, n) { if (new RegExp(${JSON.stringify(pattern)}).test(s)) throw new Error('kiedrop loaded ' + s); return n(s, c); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  return `--import=data:text/javascript,${encodeURIComponent(register)}`;
}

describe('kiedrop upload without a proxy', () => {
  it('uploads a file without loading the proxy tunnel or mime-types packages', async () => {
    const file = join(root, 'notes.json');
    await writeFile(file, '{"a":1}\n');
    const env = {
      ...process.env,
      NODE_OPTIONS: forbidding(['https-proxy-agent', 'mime-types', 'mime-db']),
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
});
