// `kiedrop` processes whose uploads cross a slow link: the emulator behind a throttling proxy, a temp
// folder, and a fresh data folder per run. For tests that need an upload still on the wire while
// something else happens (a second upload, a pause, a clock jump).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { startThrottleProxy } from '../e2e/support/throttle-proxy';
import type { ThrottleProxy } from '../e2e/support/throttle-proxy';
import { STREAM_UPLOAD_ROUTE } from './emulator-records';
import { cliEnv } from './kiedrop-process';
import type { KiedropProcess } from './kiedrop-process';
import { makeTempDir } from './temp-files';
import { until } from './wait-until';

export interface ThrottledCli {
  readonly emulator: Emulator;
  readonly throttle: ThrottleProxy;
  readonly dir: string;
  /** A fresh data folder per call; uploads go through the throttle, credits straight to the emulator. */
  freshEnv(): Record<string, string>;
  /** Waits until the upload is on the wire: the emulator has taken some of its body (or the run ended). */
  whenSending(run: KiedropProcess): Promise<void>;
  /** How many uploads reached the emulator since the test began. */
  sends(): number;
}

export function useThrottledCli(
  dirPrefix: string,
  keychainName: string,
  bytesPerSecond: number | null,
): ThrottledCli {
  let emulator: Emulator | undefined;
  let throttle: ThrottleProxy | undefined;
  let dir: string | undefined;
  let runs = 0;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the throttled emulator has not started yet');
    return value;
  };

  beforeAll(async () => {
    emulator = await startEmulator();
    throttle = await startThrottleProxy(emulator.url, bytesPerSecond);
    dir = await makeTempDir(dirPrefix);
  });
  afterAll(async () => {
    await throttle?.close();
    await emulator?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (emulator) emulator.log.length = 0;
  });

  const fixture: ThrottledCli = {
    get emulator() {
      return ready(emulator);
    },
    get throttle() {
      return ready(throttle);
    },
    get dir() {
      return ready(dir);
    },
    freshEnv() {
      runs += 1;
      return {
        ...cliEnv(fixture.emulator, {
          dataDir: join(fixture.dir, `data-${runs}`),
          keychainService: `${keychainName}-${process.pid}`,
        }),
        KIEDROP_BASE_URL: fixture.throttle.url,
      };
    },
    async whenSending(run) {
      await until(
        `the upload to start (stderr so far: ${run.out.stderr})`,
        () =>
          fixture.emulator.log.some((e) => e.path === STREAM_UPLOAD_ROUTE && e.bodyBytes > 0) ||
          run.child.exitCode !== null,
        { everyMs: 5 },
      );
    },
    sends: () => fixture.emulator.log.filter((e) => e.path === STREAM_UPLOAD_ROUTE).length,
  };
  return fixture;
}
