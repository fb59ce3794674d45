// "Remove the location" is part of the durable job: a process killed after the answer, while the stripped
// photo was on its way, is resumed by an engine that asks nothing (as `kiedrop queue --resume` would be
// with an old settings file), and the photo still goes up without its GPS position.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { storedBytes, STREAM_UPLOAD_ROUTE } from '../support/emulator-records';
import { useEngineFixture } from '../support/engine-fixture';
import { writePhotoWithGps } from '../support/test-images';
import { until } from '../support/wait-until';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE_MODULE = fileURLToPath(new URL('../../src/main/core/engine/index.ts', import.meta.url));

const fx = useEngineFixture('kiedrop-location-crash-', { retry: { baseDelayMs: 20, maxDelayMs: 100 } });

describe('a crash after "Remove the location"', () => {
  it('resumes into an upload without the GPS position, with nobody asked again', async () => {
    const photo = await writePhotoWithGps(fx.dir, 'IMG_7001.jpg');
    const answered = join(fx.dir, 'answered.txt');
    const script = join(fx.dir, 'child.mts');
    await writeFile(
      script,
      `import { writeFileSync } from 'node:fs';
import { openEngine } from ${JSON.stringify(ENGINE_MODULE)};
const [dataDir, url, key, photo, answered] = process.argv.slice(2);
const engine = openEngine({
  dataDir, endpoints: { uploadBaseUrl: url, creditsBaseUrl: url }, getApiKey: async () => key,
  location: {
    current: () => 'ask',
    ask: async () => 'remove',
    remember: (answer) => writeFileSync(answered, answer),
  },
});
await engine.queue.enqueueFiles([photo], { source: 'manual', uploadPath: 'gps', batchId: 'gps' });
await engine.queue.runUntilIdle({ batchId: 'gps' });
`,
    );
    // The upload hangs once its body is in, so the process dies with it on the way.
    fx.emulator.faults.add({ path: STREAM_UPLOAD_ROUTE, latencyMs: 5_000 });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, fx.dataDir, fx.emulator.url, fx.emulator.apiKey, photo, answered],
      { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    await until(
      'the upload is on its way',
      () => fx.emulator.log.some((e) => e.path === STREAM_UPLOAD_ROUTE),
      {
        timeoutMs: 30_000,
        everyMs: 10,
      },
    );
    child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');
    expect(existsSync(answered)).toBe(true);
    fx.emulator.faults.clear();

    let asked = 0;
    const engine = fx.open({ location: { current: () => 'ask', onSentWithLocation: () => (asked += 1) } });
    const [job] = await engine.queue.runUntilIdle({ batchId: 'gps' });
    expect(job?.status, job?.lastError ?? '').toBe('done');
    const entry = engine.history.getByJobId(job?.id ?? 0);
    expect(entry?.fileName).toBe('IMG_7001.jpg');
    expect(await exifr.gps(await storedBytes(fx.emulator, entry?.filePath ?? ''))).toBeUndefined();
    expect(asked).toBe(0);
  }, 90_000);
});
