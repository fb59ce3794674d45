// Large stream uploads as a user runs them: a whole `kiedrop upload` process (the built CLI) against `curl -F`,
// 1 GiB and 4 GiB, to the same server in the same run. The server reads and discards the body (so the
// uploaders' own cost is what is measured); its CPU use is reported to show it is not what sets the pace.
// One more 1 GiB upload goes into the emulator and is downloaded again: the end-to-end integrity check.
//
// KIEDROP_BENCH_UPLOAD_GIB=0.25 (for example) scales both sizes down for development; RUNS runs per size.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { cpuSecondsOf, runMeasured, type ChildUsage } from './lib/child-usage';
import {
  startDiscardServerProcess,
  startEmulatorProcess,
  type EmulatorProcess,
} from './lib/emulator-process';
import { plainNodeEnv } from './lib/plain-node-env';
import { writeSection } from './lib/results-file';
import { GiB, median, MiB } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kiedrop.js');
const RUNS = 5;
const TINY_RUNS = 5;
const SCALE = Number(process.env['KIEDROP_BENCH_UPLOAD_GIB'] ?? 1);
const SIZES = [1, 4].map((gib) => Math.round(gib * SCALE * GiB));

const TARGET_WALL_RATIO = 1.2;
const TARGET_CPU_RATIO = 1.5;
const TARGET_PEAK_RSS = 120 * MiB;
const TARGET_RSS_GROWTH = 64 * MiB;

interface Uploader {
  name: string;
  run(file: string): Promise<ChildUsage>;
}

interface SizeResult {
  size: number;
  curl: ChildUsage[];
  kiedrop: ChildUsage[];
  serverCpuPerRun: { curl: number[]; kiedrop: number[] };
}

async function makeFile(path: string, size: number): Promise<void> {
  const block = randomBytes(4 * MiB);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += block.length) {
    if (!out.write(block.subarray(0, Math.min(block.length, size - written)))) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

/** Reads the file once so both uploaders find it in the page cache. */
async function warmPageCache(path: string): Promise<void> {
  for await (const _chunk of createReadStream(path, { highWaterMark: 4 * MiB }));
}

async function sha256(chunks: AsyncIterable<Buffer>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}

async function download(url: string): Promise<IncomingMessage> {
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(url, resolve).on('error', reject),
  );
  if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}`);
  return response;
}

function uploaders(server: EmulatorProcess, dataDir: string): { curl: Uploader; kiedrop: Uploader } {
  const env = {
    // Node as a user's shell starts it; the code cache in the bench's own folder, warmed by the 1 KiB runs.
    ...plainNodeEnv(),
    XDG_CACHE_HOME: join(dataDir, '..', 'cache'),
    KIEDROP_API_KEY: server.apiKey,
    KIEDROP_BASE_URL: server.url,
    KIEDROP_CREDITS_URL: server.url,
    KIEDROP_DATA_DIR: dataDir,
  };
  return {
    curl: {
      name: '`curl -F`',
      run: (file) =>
        runMeasured('curl', [
          ...['-sS', '--fail', '-o', '/dev/null'],
          ...['-H', `Authorization: Bearer ${server.apiKey}`],
          ...['-F', `file=@${file}`, '-F', 'uploadPath=bench'],
          `${server.url}/api/file-stream-upload`,
        ]),
    },
    kiedrop: {
      name: '`kiedrop upload`',
      run: (file) => runMeasured(process.execPath, [BIN, 'upload', file, '--path', 'bench', '--json'], env),
    },
  };
}

/** Runs both uploaders in turn, so noise from the rest of the machine falls on both alike. */
async function measureSize(server: EmulatorProcess, dataDir: string, file: string, size: number) {
  const { curl, kiedrop } = uploaders(server, dataDir);
  const result: SizeResult = { size, curl: [], kiedrop: [], serverCpuPerRun: { curl: [], kiedrop: [] } };
  for (let run = 0; run < RUNS; run++) {
    for (const [key, uploader] of [
      ['curl', curl],
      ['kiedrop', kiedrop],
    ] as const) {
      const serverBefore = cpuSecondsOf(server.pid);
      result[key].push(await uploader.run(file));
      result.serverCpuPerRun[key].push(cpuSecondsOf(server.pid) - serverBefore);
    }
  }
  return result;
}

const med = (runs: ChildUsage[], pick: (u: ChildUsage) => number): number => median(runs.map(pick));
const s = (value: number): string => `${value.toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`;
const gib = (bytes: number): string => `${(bytes / GiB).toFixed(bytes % GiB === 0 ? 0 : 2)} GiB`;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

function sizeRows(r: SizeResult, base: { curl: number; kiedrop: number }): string {
  const row = (name: string, runs: ChildUsage[], baseRss: number, serverCpu: number[]) =>
    `| ${gib(r.size)} | ${name} | ${s(med(runs, (u) => u.seconds))} | ` +
    `${s(med(runs, (u) => u.cpuSeconds))} | ${mib(Math.max(...runs.map((u) => u.peakRssBytes)))} | ` +
    `${mib(Math.max(...runs.map((u) => u.peakRssBytes)) - baseRss)} | ${s(median(serverCpu))} |`;
  return [
    row('`curl -F`', r.curl, base.curl, r.serverCpuPerRun.curl),
    row('`kiedrop upload`', r.kiedrop, base.kiedrop, r.serverCpuPerRun.kiedrop),
  ].join('\n');
}

export async function benchLargeUpload(workDir: string): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const { bavail, bsize } = statfsSync(workDir);
  const needed = Math.max(...SIZES) + SIZES[0]! + 256 * MiB; // the largest file, one upload into the emulator
  if (bavail * bsize < needed) {
    throw new Error(
      `the upload bench needs ${gib(needed)} free in ${workDir}; there is ${gib(bavail * bsize)}`,
    );
  }
  console.log('large upload: building the CLI…');
  execFileSync('npx', ['vite', 'build', '--config', 'build/cli.vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const dataDir = join(workDir, 'data');
  const tiny = join(workDir, 'one-kib.bin');
  writeFileSync(tiny, randomBytes(1024));
  try {
    const results: SizeResult[] = [];
    const discard = await startDiscardServerProcess();
    let base = { curl: 0, kiedrop: 0 };
    // What a 1 KiB upload takes: start-up and the rest of the fixed cost, apart from sending.
    let fixed = { curl: 0, kiedrop: 0 };
    try {
      const { curl, kiedrop } = uploaders(discard, dataDir);
      // Warm-up (it also writes KieDrop's code cache), then the time and peak RSS of a 1 KiB upload: what
      // start-up alone costs, the base for "growth".
      await curl.run(tiny);
      await kiedrop.run(tiny);
      const tinyRuns = { curl: [] as ChildUsage[], kiedrop: [] as ChildUsage[] };
      for (let run = 0; run < TINY_RUNS; run++) {
        tinyRuns.curl.push(await curl.run(tiny));
        tinyRuns.kiedrop.push(await kiedrop.run(tiny));
      }
      fixed = {
        curl: med(tinyRuns.curl, (u) => u.seconds),
        kiedrop: med(tinyRuns.kiedrop, (u) => u.seconds),
      };
      base = {
        curl: med(tinyRuns.curl, (u) => u.peakRssBytes),
        kiedrop: med(tinyRuns.kiedrop, (u) => u.peakRssBytes),
      };
      for (const size of SIZES) {
        const file = join(workDir, `large-${size}.bin`);
        console.log(`large upload: ${gib(size)}, writing the file…`);
        await makeFile(file, size);
        await warmPageCache(file);
        console.log(`large upload: ${gib(size)}, ${RUNS} runs each…`);
        results.push(await measureSize(discard, dataDir, file, size));
        rmSync(file, { force: true });
      }
    } finally {
      await discard.stop();
    }

    console.log('large upload: into the emulator, integrity check…');
    const source = join(workDir, 'checked.bin');
    await makeFile(source, SIZES[0]!);
    const emulator = await startEmulatorProcess(join(workDir, 'storage'));
    let intact: boolean;
    let emulated: { curl: ChildUsage; kiedrop: ChildUsage };
    try {
      const { curl, kiedrop } = uploaders(emulator, dataDir);
      emulated = { curl: await curl.run(source), kiedrop: await kiedrop.run(source) };
      const [job] = JSON.parse(emulated.kiedrop.stdout) as { downloadUrl: string }[];
      intact = (await sha256(await download(job!.downloadUrl))) === (await sha256(createReadStream(source)));
    } finally {
      await emulator.stop();
    }
    if (!intact) throw new Error('the file served at the link kiedrop printed differs from the source');

    const first = results[0]!;
    const largest = results.at(-1)!;
    const ratio = (r: SizeResult, pick: (u: ChildUsage) => number) =>
      med(r.kiedrop, pick) / med(r.curl, pick);
    const wallRatio = ratio(first, (u) => u.seconds);
    const cpuRatio = ratio(first, (u) => u.cpuSeconds);
    const peak = Math.max(...largest.kiedrop.map((u) => u.peakRssBytes));
    const growth = peak - base.kiedrop;
    writeSection(
      'upload-large-file',
      `Whole-process stream uploads of ${SIZES.map(gib).join(' and ')}: \`kiedrop upload\` against \`curl -F\``,
      `
${RUNS} runs per uploader and size, taking turns, into a server (its own process) that reads and discards the
body. Whole processes from spawn to exit: \`node bin/kiedrop.js upload FILE --json\` from the built CLI (start-up,
history database, queue and all; Node started as a user's shell starts it, without \`NODE_EXTRA_CA_CERTS\` or
\`NODE_OPTIONS\`, and its code cache warm) and \`curl -F\`. CPU is user + system of the process; peak RSS is VmHWM; growth is
peak RSS minus the peak of a 1 KiB upload by the same command (KieDrop ${mib(base.kiedrop)}, curl ${mib(base.curl)}).
Medians; RSS columns show the largest run.

| size | uploader | wall time | CPU time | peak RSS | RSS growth | server CPU |
| --- | --- | --- | --- | --- | --- | --- |
${results.map((r) => sizeRows(r, base)).join('\n')}

| target | measured | |
| --- | --- | --- |
| ${gib(first.size)}: wall time ≤ ${TARGET_WALL_RATIO} × curl's | ${wallRatio.toFixed(2)} × | ${verdict(wallRatio <= TARGET_WALL_RATIO)} |
| ${gib(first.size)}: CPU time ≤ ${TARGET_CPU_RATIO} × curl's | ${cpuRatio.toFixed(2)} × | ${verdict(cpuRatio <= TARGET_CPU_RATIO)} |
| ${gib(largest.size)}: peak RSS ≤ ${mib(TARGET_PEAK_RSS)} | ${mib(peak)} | ${verdict(peak <= TARGET_PEAK_RSS)} |
| ${gib(largest.size)}: RSS growth ≤ ${mib(TARGET_RSS_GROWTH)} | ${mib(growth)} | ${verdict(growth <= TARGET_RSS_GROWTH)} |

At ${gib(largest.size)}: wall time ${ratio(largest, (u) => u.seconds).toFixed(2)} × curl's, CPU time ${ratio(largest, (u) => u.cpuSeconds).toFixed(2)} × curl's.
The fixed part, a 1 KiB upload by the same command (median of ${TINY_RUNS}): KieDrop ${s(fixed.kiedrop)}, curl ${s(fixed.curl)}, so
KieDrop's start-up and bookkeeping cost ${s(fixed.kiedrop - fixed.curl)} more than curl's (the \`cli-startup\` section says where it goes);
at ${gib(first.size)} KieDrop took ${s(med(first.kiedrop, (u) => u.seconds) - med(first.curl, (u) => u.seconds))} more in all.
Into the emulator (parses the multipart body and writes it to disk), ${gib(SIZES[0]!)} once each: curl
${s(emulated.curl.seconds)}, KieDrop ${s(emulated.kiedrop.seconds)}; SHA-256 of the file served at the link KieDrop
printed equals the source: yes.

How: the file is read 4 MiB at a time into two reused page-aligned buffers (one is sent while the other fills)
and sent in writes of up to 1 MiB, fewer as the link slows. Node has no sendfile for sockets in its public API
(only \`fs.copyFile\` and streams, which copy through user space), so zero-copy is out of reach; what is left is
copying from the page cache once and writing in large pieces. Before (issue 11, whole process under tsx): 1.7–2.6 ×
curl's time, 3.4–3.9 CPU-s/GiB, peak RSS 146–159 MiB, 37 full GCs per GiB. The earlier in-process figure
(\`streamUpload\` alone, 1 GiB, 2026-11-22): 1.03 × curl's throughput, 0.60 CPU-s/GiB, 40 MiB peak RSS growth.
`,
    );
    console.log(
      `large upload: ${gib(first.size)} wall ${wallRatio.toFixed(2)}× curl, CPU ${cpuRatio.toFixed(2)}× curl; ` +
        `${gib(largest.size)} peak RSS ${mib(peak)} (growth ${mib(growth)})`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
