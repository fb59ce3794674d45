// Watched folder: 1,000 files dropped into a watched folder at once, uploaded to the emulator running in
// its own process. Measures the time until the last upload is done, and for each file the delay from the
// moment it became stable (its last write + the quiet period) to (a) being handed to the upload queue and
// (b) its upload starting. (b) includes waiting for a free upload slot, so a trickle of files, one every
// 50 ms, is measured too: there the queue is idle and (b) is the watcher's own latency. Then a folder of
// 50,000 files: idle cost, and 1,000 files dropped into it (watch-big-folder.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openEngine } from '../src/main/core/engine';
import { createWatchService } from '../src/main/core/watch';
import { startEmulatorProcess } from './lib/emulator-process';
import { BIG_FOLDER_FILES, bigFolderReport, runBigFolder } from './watch-big-folder';
import { writeSection } from './lib/results-file';
import { median, percentile } from './lib/stats';

const BURST_FILES = 1000;
const TRICKLE_FILES = 100;
const TRICKLE_GAP_MS = 50;
const QUIET_MS = 2000;
const FILE_BYTES = 16 * 1024;
const TARGET_P95_MS = 1000;

interface Run {
  totalSeconds: number;
  toQueueMs: number[];
  toStartMs: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runScenario(
  work: string,
  url: string,
  apiKey: string,
  mode: 'burst' | 'trickle',
): Promise<Run> {
  const dataDir = join(work, `data-${mode}`);
  const folder = join(work, `inbox-${mode}`);
  mkdirSync(folder, { recursive: true });
  const engine = openEngine({
    dataDir,
    endpoints: { uploadBaseUrl: url, creditsBaseUrl: url },
    getApiKey: async () => apiKey,
  });
  const watch = createWatchService({ engine });
  const lastWrite = new Map<string, number>();
  const queuedAt = new Map<string, number>();
  const startedAt = new Map<string, number>();
  let done = 0;
  let lastDone = 0;
  watch.on('enqueued', (e) => queuedAt.set(e.path, performance.now()));
  engine.on('job', (job) => {
    const path = job.localPath ?? '';
    if (job.status === 'uploading' && !startedAt.has(path)) startedAt.set(path, performance.now());
  });
  engine.on('history', ({ added }) => {
    if (!added) return;
    done++;
    lastDone = performance.now();
  });
  engine.queue.start();
  await watch.start();
  const status = await watch.addFolder({ path: folder, quietMs: QUIET_MS });
  while (watch.get(status.id)?.state !== 'watching') await sleep(20);

  const count = mode === 'burst' ? BURST_FILES : TRICKLE_FILES;
  const names = Array.from({ length: count }, (_, i) => `file-${String(i).padStart(4, '0')}.bin`);
  const began = performance.now();
  const drop = async (name: string): Promise<void> => {
    const path = join(folder, name);
    await writeFile(path, randomBytes(FILE_BYTES));
    lastWrite.set(path, performance.now());
  };
  if (mode === 'burst') {
    for (let i = 0; i < names.length; i += 100) await Promise.all(names.slice(i, i + 100).map(drop));
  } else {
    for (const name of names) {
      await drop(name);
      await sleep(TRICKLE_GAP_MS);
    }
  }
  const deadline = Date.now() + 300_000;
  while (done < count) {
    if (Date.now() > deadline) throw new Error(`only ${done} of ${count} uploads finished in 5 minutes`);
    await sleep(20);
  }
  await watch.close();
  await engine.close();

  const since = (at: Map<string, number>): number[] =>
    [...lastWrite].map(([path, written]) => {
      const t = at.get(path);
      if (t === undefined) throw new Error(`${path} was never ${at === queuedAt ? 'queued' : 'started'}`);
      return Math.max(0, t - (written + QUIET_MS));
    });
  return { totalSeconds: (lastDone - began) / 1000, toQueueMs: since(queuedAt), toStartMs: since(startedAt) };
}

const ms = (v: number): string => `${Math.round(v)} ms`;

export async function benchWatchFolder(workDir: string): Promise<void> {
  // Absolute, as the watcher reports paths.
  const work = resolve(workDir);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const emulator = await startEmulatorProcess(join(work, 'storage'));
  try {
    console.log(`watch: ${BURST_FILES} files dropped at once…`);
    const burst = await runScenario(work, emulator.url, emulator.apiKey, 'burst');
    console.log(`watch: ${TRICKLE_FILES} files, one every ${TRICKLE_GAP_MS} ms…`);
    const trickle = await runScenario(work, emulator.url, emulator.apiKey, 'trickle');
    console.log(`watch: a folder of ${BIG_FOLDER_FILES} files…`);
    const big = await runBigFolder(
      work,
      resolve(workDir, '..', 'watch-cache'),
      emulator.url,
      emulator.apiKey,
    );
    const row = (label: string, values: number[]): string =>
      `| ${label} | ${ms(median(values))} | ${ms(percentile(values, 95))} | ${ms(Math.max(...values))} |`;
    const p95Start = percentile(trickle.toStartMs, 95);
    const body = [
      `Files of ${FILE_BYTES / 1024} KiB, quiet period ${QUIET_MS} ms, default upload concurrency. Delays are measured ` +
        'from the moment a file became stable (its last write + the quiet period).',
      '',
      `**${BURST_FILES} files dropped at once:** last upload done ${burst.totalSeconds.toFixed(1)} s after the drop began ` +
        `(${(BURST_FILES / burst.totalSeconds).toFixed(0)} files/s including the ${QUIET_MS / 1000} s quiet period).`,
      '',
      '| delay after stable | p50 | p95 | max |',
      '|---|---|---|---|',
      row('burst: handed to the queue', burst.toQueueMs),
      row('burst: upload started (incl. waiting for a slot)', burst.toStartMs),
      row(`trickle (${TRICKLE_FILES}, one per ${TRICKLE_GAP_MS} ms): handed to the queue`, trickle.toQueueMs),
      row('trickle: upload started', trickle.toStartMs),
      '',
      `Target: upload starts within ${TARGET_P95_MS} ms of becoming stable at p95 when a slot is free — ` +
        `${p95Start <= TARGET_P95_MS ? 'met' : 'NOT met'} (trickle p95 ${ms(p95Start)}). In the burst, starts ` +
        'after the first few wait for earlier uploads to finish: that is the queue working through its ' +
        'backlog at its concurrency limit, not the watcher waiting.',
      '',
      bigFolderReport(big, burst.totalSeconds),
    ].join('\n');
    writeSection('watch', 'Watched folders: 1,000 files dropped in; a 50,000-file folder', body);
    console.log(body);
  } finally {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
