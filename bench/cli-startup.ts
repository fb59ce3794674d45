// `kiedrop` start-up as a user pays it on every command and every right-click share: `--version`,
// `--help`, and one 1 KiB upload end to end, each against `node -e 0` and `curl -F` measured in the same run.
// Targets (issue "Ship it"): --version ≤ 100 ms median; a one-file upload ≤ 2 × curl's.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess } from './lib/emulator-process';
import { writeSection } from './lib/results-file';
import { median } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kiedrop.js');
const RUNS = 15;

/**
 * Node as a user's shell starts it: without NODE_EXTRA_CA_CERTS (reading extra CA certificates costs each
 * Node start tens of milliseconds where it is set) or NODE_OPTIONS. Both sides of each comparison use it.
 */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_EXTRA_CA_CERTS'];
  delete env['NODE_OPTIONS'];
  return env;
}

function timeRuns(command: string, args: string[], env: NodeJS.ProcessEnv = plainEnv()): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr)}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

export async function benchCliStartup(work: string): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const emulator = await startEmulatorProcess(join(work, 'storage'));
  try {
    const file = join(work, 'one-kib.bin');
    writeFileSync(file, Buffer.alloc(1024, 7));
    const env = {
      ...plainEnv(),
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
      KIEDROP_DATA_DIR: join(work, 'data'),
    };
    const node = timeRuns(process.execPath, ['-e', '0']);
    const version = timeRuns(process.execPath, [BIN, '--version']);
    const help = timeRuns(process.execPath, [BIN, '--help']);
    const upload = timeRuns(process.execPath, [BIN, 'upload', file, '--json'], env);
    const curl = timeRuns('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-H',
      `Authorization: Bearer ${emulator.apiKey}`,
      '-F',
      `file=@${file}`,
      '-F',
      'uploadPath=bench',
      `${emulator.url}/api/file-stream-upload`,
    ]);
    writeSection(
      'cli-startup',
      '`kiedrop` start-up and a one-file upload',
      `Median of ${RUNS} runs each, whole processes, from the built CLI (\`out/cli/\`), with Node started as a
user's shell starts it (no \`NODE_EXTRA_CA_CERTS\` or \`NODE_OPTIONS\`).

| what | time | reference | target |
| --- | --- | --- | --- |
| \`kiedrop --version\` | ${ms(version)} | \`node -e 0\`: ${ms(node)} | ≤ 100 ms: ${verdict(version <= 100)} |
| \`kiedrop --help\` | ${ms(help)} | \`node -e 0\`: ${ms(node)} | — |
| \`kiedrop upload\` of 1 KiB, end to end | ${ms(upload)} | \`curl -F\`: ${ms(curl)} (${(upload / curl).toFixed(1)} ×) | ≤ 2 × curl: ${verdict(upload <= 2 * curl)} |

An upload also opens the history database and the queue, and records the link; \`curl\` only sends.
Node's own start (\`node -e 0\`, ${ms(node)}) is already ${(node / curl).toFixed(1)} × curl's whole upload, so "≤ 2 × curl"
${node >= 2 * curl ? 'cannot be met by any program that starts Node' : `leaves KieDrop ${ms(2 * curl - node)} beyond Node's start`}; KieDrop's
own part, the upload less Node's start, is ${ms(upload - node)}.`,
    );
  } finally {
    await emulator.stop();
  }
}
