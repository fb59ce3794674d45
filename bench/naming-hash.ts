// {hash:N} naming on a 1 GiB file: the name template reads the whole file once (SHA-256) before the upload
// sends it. Measured as a user runs it: `kiedrop upload` with and without `--name-template "{hash:12}.{ext}"`
// to a server that discards bodies, and `sha256sum` of the same file as the reference for the read, in the
// same run, alternating, with the file in the page cache.
//
// KIEDROP_BENCH_HASH_GIB=0.25 (for example) scales the file down for development.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { openDatabase } from '../src/main/core/db/index';
import { DATABASE_FILE_NAME } from '../src/main/core/paths/default-data-dir';
import { runMeasured, type ChildUsage } from './lib/child-usage';
import { startDiscardServerProcess } from './lib/emulator-process';
import { plainNodeEnv } from './lib/plain-node-env';
import { writeSection } from './lib/results-file';
import { GiB, median, MiB } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kiedrop.js');
const RUNS = 3;
const SIZE = Math.round(Number(process.env['KIEDROP_BENCH_HASH_GIB'] ?? 1) * GiB);
const TEMPLATE = '{hash:12}.{ext}';

async function makeFile(path: string, size: number): Promise<void> {
  const block = randomBytes(4 * MiB);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += block.length) {
    if (!out.write(block.subarray(0, Math.min(block.length, size - written)))) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

const med = (runs: ChildUsage[], pick: (u: ChildUsage) => number): number => median(runs.map(pick));
const s = (value: number): string => `${value.toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`;
const rate = (seconds: number): string => `${(SIZE / MiB / seconds).toFixed(0)} MiB/s`;

export async function benchNamingHash(workDir: string): Promise<void> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  console.log('naming {hash}: building the CLI…');
  execFileSync('npx', ['vite', 'build', '--config', 'build/cli.vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const file = join(workDir, 'big.bin');
  await makeFile(file, SIZE);
  // Read once, so every run finds the file in the page cache.
  for await (const _chunk of createReadStream(file, { highWaterMark: 4 * MiB }));
  const server = await startDiscardServerProcess();
  const env = {
    ...plainNodeEnv(),
    XDG_CACHE_HOME: join(workDir, 'cache'),
    KIEDROP_API_KEY: server.apiKey,
    KIEDROP_BASE_URL: server.url,
    KIEDROP_CREDITS_URL: server.url,
    KIEDROP_DATA_DIR: join(workDir, 'data'),
  };
  const upload = (extra: string[]): Promise<ChildUsage> =>
    runMeasured(process.execPath, [BIN, 'upload', file, '--path', 'bench', '--plain', ...extra], env);
  const runs = { sha256sum: [] as ChildUsage[], plain: [] as ChildUsage[], hashed: [] as ChildUsage[] };
  try {
    await upload([]); // warm-up: writes the CLI's code cache
    for (let run = 0; run < RUNS; run++) {
      console.log(`naming {hash}: run ${run + 1} of ${RUNS}`);
      runs.sha256sum.push(await runMeasured('sha256sum', [file]));
      runs.plain.push(await upload([]));
      runs.hashed.push(await upload(['--name-template', TEMPLATE]));
    }
  } finally {
    await server.stop();
  }
  // The server discards names too, so the names sent are read from KieDrop's own job records.
  const digest = (runs.sha256sum[0]?.stdout ?? '').split(' ')[0] ?? '';
  const db = openDatabase(join(env.KIEDROP_DATA_DIR, DATABASE_FILE_NAME));
  const sent = (db.conn.prepare('SELECT file_name FROM jobs ORDER BY id').raw().all() as string[][]).map(
    (r) => r[0],
  );
  db.close();
  rmSync(workDir, { recursive: true, force: true });
  const hashedNames = sent.filter((name) => name !== 'big.bin');
  const named =
    hashedNames.length === RUNS && hashedNames.every((name) => name === `${digest.slice(0, 12)}.bin`);
  const wall = {
    sha: med(runs.sha256sum, (u) => u.seconds),
    plain: med(runs.plain, (u) => u.seconds),
    hashed: med(runs.hashed, (u) => u.seconds),
  };
  const row = (name: string, list: ChildUsage[]): string =>
    `| ${name} | ${list.map((u) => u.seconds.toFixed(2)).join(', ')} | ${s(med(list, (u) => u.seconds))} | ` +
    `${s(med(list, (u) => u.cpuSeconds))} | ${mib(Math.max(...list.map((u) => u.peakRssBytes)))} |`;
  const peak = (list: ChildUsage[]): number => Math.max(...list.map((u) => u.peakRssBytes));
  const body = [
    `A ${mib(SIZE)} file of random bytes, in the page cache. Whole processes, ${RUNS} runs each, alternating. \`kiedrop upload\` sends to a server that reads and`,
    'discards the body, so what is measured is the uploader. The name template `' + TEMPLATE + '` makes',
    'KieDrop read the file once (streamed SHA-256, 1 MiB at a time) before it queues the upload;',
    '`sha256sum` reads it the same way and is the reference for that read.',
    '',
    '| command | seconds per run | median wall | median CPU | peak RSS |',
    '| --- | --- | --- | --- | --- |',
    row('`sha256sum`', runs.sha256sum),
    row('`kiedrop upload`', runs.plain),
    row(`\`kiedrop upload --name-template "${TEMPLATE}"\``, runs.hashed),
    '',
    `- **What {hash} adds to the upload: ${s(wall.hashed - wall.plain)}** ` +
      `(median with it minus median without), against ${s(wall.sha)} for \`sha256sum\` alone ` +
      `(${rate(wall.sha)}); KieDrop's read runs at about ${rate(Math.max(wall.hashed - wall.plain, 0.001))}.`,
    `- CPU: {hash} adds ${s(med(runs.hashed, (u) => u.cpuSeconds) - med(runs.plain, (u) => u.cpuSeconds))} ` +
      `(Node's OpenSSL SHA-256); \`sha256sum\` used ${s(med(runs.sha256sum, (u) => u.cpuSeconds))}. On a ` +
      'busy machine (see the load average) wall times wait for a core; CPU time does not.',
    `- Every link's name is the first 12 hex of the file's SHA-256 as \`sha256sum\` prints it: ${named ? 'yes' : '**no**'}`,
    `- Peak RSS with {hash}: ${mib(peak(runs.hashed) - peak(runs.plain))} more than without (the file is ` +
      `${mib(SIZE)}; the hash reads it in 1 MiB chunks).`,
  ].join('\n');
  writeSection('naming-hash', `\`{hash}\` naming on a ${mib(SIZE)} file`, body);
}
