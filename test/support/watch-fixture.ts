// The engine fixture plus what watched-folder tests add: an empty folder to watch in each test's temp
// folder, and engine + watch service pairs that stand for one running app (or CLI) each.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import type { Engine, EngineOptions } from '../../src/main/core/engine';
import { createWatchService } from '../../src/main/core/watch';
import type { NewWatchFolder, WatchService, WatchServiceOptions } from '../../src/main/core/watch';
import { useEngineFixture } from './engine-fixture';
import type { EngineFixture } from './engine-fixture';
import { cliEnv, startKiedrop } from './kiedrop-process';
import type { KiedropProcess } from './kiedrop-process';
import { until } from './wait-until';

export interface WatchPair {
  engine: Engine;
  watch: WatchService;
}

export interface PairOptions {
  /** Start the upload queue. Default true; false stands for a process that dies before uploading. */
  runQueue?: boolean;
  engine?: Partial<EngineOptions>;
  watch?: Partial<WatchServiceOptions>;
}

export interface WatchFixture extends EngineFixture {
  /** `dir`/inbox, empty at the start of each test. */
  readonly watched: string;
  /** An engine and a watch service on it (not yet started); both closed after the test. */
  openPair(options?: PairOptions): WatchPair;
  /**
   * Opens and starts a pair, and has it watch the inbox: the folder it already saved, else a new one with
   * upload path "watched" and `folder`'s settings. Resolves once the folder is really being watched, as
   * a person would only then save files into it.
   */
  watchInbox(
    folder?: Omit<NewWatchFolder, 'path'>,
    options?: PairOptions,
  ): Promise<WatchPair & { folderId: number }>;
  /** Closes the pair now, watch service first, as an app quitting does (closing twice is harmless). */
  closePair(pair: WatchPair): Promise<void>;
  /** Starts `kiedrop …` on this test's data folder with its own keychain entry; killed after the test if still running. */
  startCli(args: string[], keychainName: string): KiedropProcess;
}

export function useWatchFixture(
  dirPrefix: string,
  defaults: { engine?: Partial<EngineOptions>; watch?: Partial<WatchServiceOptions> } = {},
): WatchFixture {
  const base = useEngineFixture(dirPrefix, defaults.engine);
  // Runs after the engine fixture's own beforeEach (vitest runs "before" hooks in the order registered).
  beforeEach(async () => {
    await mkdir(join(base.dir, 'inbox'));
  });

  const fixture: WatchFixture = {
    get emulator() {
      return base.emulator;
    },
    get dir() {
      return base.dir;
    },
    get dataDir() {
      return base.dataDir;
    },
    get watched() {
      return join(base.dir, 'inbox');
    },
    open: (over) => base.open(over),
    defer: (close) => base.defer(close),
    closeAll: () => base.closeAll(),
    openPair(options = {}) {
      const engine = base.open(options.engine);
      if (options.runQueue ?? true) engine.queue.start();
      const watch = createWatchService({ engine, ...defaults.watch, ...options.watch });
      // Registered after the engine's, so it closes first.
      base.defer(() => watch.close());
      return { engine, watch };
    },
    async watchInbox(folder = {}, options = {}) {
      const pair = fixture.openPair(options);
      await pair.watch.start();
      const inbox = fixture.watched;
      const saved = pair.watch.list().find((f) => f.path === inbox);
      const status = saved ?? (await pair.watch.addFolder({ path: inbox, uploadPath: 'watched', ...folder }));
      await until('the folder to be watched', () => pair.watch.get(status.id)?.state === 'watching', {
        timeoutMs: 30_000,
      });
      return { ...pair, folderId: status.id };
    },
    async closePair(pair) {
      await pair.watch.close();
      await pair.engine.close();
    },
    startCli(args, keychainName) {
      const env = cliEnv(base.emulator, {
        dataDir: base.dataDir,
        keychainService: `${keychainName}-${process.pid}`,
        fastRetries: true,
      });
      const running = startKiedrop(args, env);
      base.defer(async () => {
        if (running.child.exitCode === null) running.child.kill('SIGKILL');
        await running.done;
      });
      return running;
    },
  };
  return fixture;
}
