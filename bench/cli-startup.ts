// `kiedrop` start-up as a user pays it on every command and every right-click share: `--version`,
// `--help`, and one 1 KiB upload end to end, each against `node -e 0` and `curl -F` measured in the same run.
// Targets (issue "Ship it"): --version ≤ 100 ms median; a one-file upload ≤ 2 × curl's.
//
// The commands take turns (one of each per round), so load from the rest of the machine falls on all alike.
// Wall time is what a user waits; CPU time (user + system of the process) shows the work, which other
// processes on the machine disturb much less. The upload also runs with KIEDROP_TEST_TIMINGS=1, which says
// when each of its steps was reached: where its time goes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reapedChildrenCpuSeconds } from './lib/child-usage';
import { startEmulatorProcess } from './lib/emulator-process';
import { plainNodeEnv } from './lib/plain-node-env';
import { writeSection } from './lib/results-file';
import { median } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kiedrop.js');
const RUNS = 15;

interface Command {
  command: string;
  args: string[];
  env: () => NodeJS.ProcessEnv;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  stderr: string;
}

function runOnce({ command, args, env }: Command): Run {
  const cpuBefore = reapedChildrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${String(result.stderr)}`);
  return { wallMs, cpuMs: (reapedChildrenCpuSeconds() - cpuBefore) * 1000, stderr: String(result.stderr) };
}

/** Every command RUNS times, taking turns. */
function measure<K extends string>(commands: Record<K, Command>): Record<K, Run[]> {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, [] as Run[]])) as Record<K, Run[]>;
  for (let i = 0; i < RUNS; i += 1) {
    for (const key of Object.keys(commands) as K[]) runs[key].push(runOnce(commands[key]));
  }
  return runs;
}

const wall = (runs: Run[]): number => median(runs.map((r) => r.wallMs));
// A mean: the kernel counts CPU time in whole clock ticks (10 ms), too coarse for one run's median.
const cpu = (runs: Run[]): number => runs.reduce((sum, r) => sum + r.cpuMs, 0) / runs.length;
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

/** The median time between consecutive steps KIEDROP_TEST_TIMINGS reported, step by step. */
function stepBreakdown(runs: Run[]): { step: string; ms: number }[] {
  const perRun = runs.map((run) => {
    const line = run.stderr.split('\n').find((l) => l.startsWith('kiedrop-timings '));
    if (line === undefined) throw new Error(`kiedrop upload reported no timings: ${run.stderr}`);
    const steps = Object.entries(JSON.parse(line.slice('kiedrop-timings '.length)) as Record<string, number>);
    steps.sort((a, b) => a[1] - b[1]);
    const deltas = new Map<string, number>();
    steps.forEach(([step, at], i) => deltas.set(step, at - (i === 0 ? 0 : steps[i - 1]![1])));
    // From the exit handler until the parent saw the process gone.
    deltas.set('process gone', run.wallMs - steps.at(-1)![1]);
    return { order: steps.map(([step]) => step), deltas };
  });
  const order = [...perRun[0]!.order, 'process gone'];
  return order.map((step) => ({ step, ms: median(perRun.map((r) => r.deltas.get(step) ?? 0)) }));
}

const STEP_WORDS: Record<string, string> = {
  'cli loaded': 'Node starts, `bin/kiedrop.js` and the command line entry load',
  'command loaded': "the upload command's code loads: libsql (native), node:http, queue and API client",
  'database open': 'the history database opens: checked, WAL, schema up to date',
  queued: 'the file is checked and queued (one transaction)',
  sending: 'the queue starts the upload',
  recorded: 'the request is sent, the server answers, the link is recorded (one transaction)',
  'uploads finished': 'the batch is seen finished',
  'links printed': 'the link is printed',
  'database closed': 'the database closes: WAL checkpoint (with its fsyncs)',
  exit: 'the process exits',
  'process gone': 'the operating system ends the process and the bench sees it gone',
};

export async function benchCliStartup(work: string): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const emulator = await startEmulatorProcess(join(work, 'storage'));
  try {
    const file = join(work, 'one-kib.bin');
    writeFileSync(file, Buffer.alloc(1024, 7));
    // The code cache in a folder of the bench's own: warm (written by a first run) for the usual case,
    // and a fresh empty one for each "first run" upload.
    const cache = join(work, 'cache');
    const plain = (): NodeJS.ProcessEnv => ({ ...plainNodeEnv(), XDG_CACHE_HOME: cache });
    const kiedropEnv = (): NodeJS.ProcessEnv => ({
      ...plain(),
      KIEDROP_API_KEY: emulator.apiKey,
      KIEDROP_BASE_URL: emulator.url,
      KIEDROP_CREDITS_URL: emulator.url,
      KIEDROP_DATA_DIR: join(work, 'data'),
    });
    const upload = ['upload', file, '--json'];
    for (const args of [['--version'], ['--help'], upload])
      runOnce({ command: process.execPath, args: [BIN, ...args], env: kiedropEnv });

    const runs = measure({
      node: { command: process.execPath, args: ['-e', '0'], env: plain },
      version: { command: process.execPath, args: [BIN, '--version'], env: plain },
      help: { command: process.execPath, args: [BIN, '--help'], env: plain },
      upload: {
        command: process.execPath,
        args: [BIN, ...upload],
        env: () => ({ ...kiedropEnv(), KIEDROP_TEST_TIMINGS: '1' }),
      },
      firstUpload: {
        command: process.execPath,
        args: [BIN, ...upload],
        env: () => ({ ...kiedropEnv(), XDG_CACHE_HOME: mkdtempSync(join(work, 'cold-cache-')) }),
      },
      curl: {
        command: 'curl',
        args: [
          ...['-sS', '--fail', '-o', '/dev/null'],
          ...['-H', `Authorization: Bearer ${emulator.apiKey}`],
          ...['-F', `file=@${file}`, '-F', 'uploadPath=bench'],
          `${emulator.url}/api/file-stream-upload`,
        ],
        env: plain,
      },
    });
    const node = wall(runs.node);
    const curl = wall(runs.curl);
    const up = wall(runs.upload);
    const steps = stepBreakdown(runs.upload);
    const row = (what: string, r: Run[], reference: string, target: string): string =>
      `| ${what} | ${ms(wall(r))} | ${ms(cpu(r))} | ${reference} | ${target} |`;
    writeSection(
      'cli-startup',
      '`kiedrop` start-up and a one-file upload',
      `Median of ${RUNS} runs each, the commands taking turns; whole processes, from the built CLI (\`out/cli/\`,
CommonJS, with its V8 code cache warm unless said), with Node started as a user's shell starts it (no
\`NODE_EXTRA_CA_CERTS\` or \`NODE_OPTIONS\`). CPU is user + system time of the process (mean of the runs).

| what | wall time | CPU time | reference | target |
| --- | --- | --- | --- | --- |
${row('`node -e 0`', runs.node, '—', '—')}
${row('`curl -F` of 1 KiB, end to end', runs.curl, '—', '—')}
${row('`kiedrop --version`', runs.version, `\`node -e 0\`: ${ms(node)}`, `≤ 100 ms: ${verdict(wall(runs.version) <= 100)}`)}
${row('`kiedrop --help`', runs.help, `\`node -e 0\`: ${ms(node)}`, '—')}
${row('`kiedrop upload` of 1 KiB, end to end', runs.upload, `\`curl -F\`: ${ms(curl)} (${(up / curl).toFixed(1)} ×)`, `≤ 2 × curl: ${verdict(up <= 2 * curl)}`)}
${row('the same, first run (no code cache yet)', runs.firstUpload, `\`curl -F\`: ${ms(curl)} (${(wall(runs.firstUpload) / curl).toFixed(1)} ×)`, '—')}

Node's own start (\`node -e 0\`, ${ms(node)}) is already ${(node / curl).toFixed(1)} × curl's whole upload, so "≤ 2 × curl"
${node >= 2 * curl ? 'cannot be met by any program that starts Node' : `leaves KieDrop ${ms(2 * curl - node)} beyond Node's start`}; KieDrop's
own part, the upload less Node's start, is ${ms(up - node)}. An upload also opens the history database and the
queue, records the link before printing it, and checkpoints the database when it closes; \`curl\` only sends.

Where a \`kiedrop upload\`'s time goes (median of each step over the same runs, from KIEDROP_TEST_TIMINGS):

| step | time |
| --- | --- |
${steps.map(({ step, ms: t }) => `| ${STEP_WORDS[step] ?? step} | ${t.toFixed(1)} ms |`).join('\n')}

What made it faster (2026-12-07; before: 176 ms, 143 ms beyond Node's start): the CLI is built as CommonJS
(Node 20's ES module loader cost ~28 ms of CPU for the same chunks), compiled through a V8 code cache kept in
the user's cache folder (~25 ms: nothing is parsed or compiled twice), libsql finds its native package
without building a diagnostic report (5–10 ms), node:https and TLS load only for https:// addresses (~4 ms),
and a one-file upload builds no name collator (ICU, ~8 ms under load). What remains is mostly Node's start,
loading the native SQLite module and node:http, two database opens (a check, then the connection), and the
checkpoint at close, whose fsyncs make the recorded link durable. A key kept in the keychain (the bench passes
KIEDROP_API_KEY) adds about 14 ms on Linux, measured once: loading @napi-rs/keyring 3.5 ms, connecting to the Secret
Service 9.4 ms (synchronously, in its constructor, so it cannot overlap the database open) and reading 0.9 ms.`,
    );
  } finally {
    await emulator.stop();
  }
}
