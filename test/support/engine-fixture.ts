// The setup most engine tests share: one emulator for the file, and for each test a fresh temp folder
// (its data folder inside) and engines that upload to the emulator with its key. Everything a test opens
// is closed after it, pass or fail, so a failing test leaves no database handle or upload running.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openEngine } from '../../src/main/core/engine';
import type { Engine, EngineOptions } from '../../src/main/core/engine';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { settled } from './settled';
import { makeTempDir } from './temp-files';

export interface EngineFixture {
  /** Started once for the file; its faults and request log are cleared before each test. */
  readonly emulator: Emulator;
  /** This test's own temp folder, removed after it. */
  readonly dir: string;
  /** `dir`/data: where the engine keeps kiedrop.db. */
  readonly dataDir: string;
  /** An engine on `dataDir` talking to the emulator; `over` replaces the file's defaults. */
  open(over?: Partial<EngineOptions>): Engine;
  /** Runs `close` after the test (last registered runs first), before the folder is removed. */
  defer(close: () => Promise<void> | void): void;
  /** Closes everything opened or deferred so far, now: the app quitting, before a restart. */
  closeAll(): Promise<void>;
}

/** Registers the hooks; call it at the top level of a test file. `defaults` apply to every open(). */
export function useEngineFixture(dirPrefix: string, defaults: Partial<EngineOptions> = {}): EngineFixture {
  let emulator: Emulator | undefined;
  let dir: string | undefined;
  const closers: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    settled(emulator, 'emulator').faults.clear();
    settled(emulator, 'emulator').log.length = 0;
    dir = await makeTempDir(dirPrefix);
  });
  const closeAll = async (): Promise<void> => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  afterEach(async () => {
    await closeAll();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  const fixture: EngineFixture = {
    get emulator() {
      return settled(emulator, 'emulator');
    },
    get dir() {
      return settled(dir, 'dir');
    },
    get dataDir() {
      return join(settled(dir, 'dir'), 'data');
    },
    open(over = {}) {
      const emu = fixture.emulator;
      const engine = openEngine({
        dataDir: fixture.dataDir,
        endpoints: { uploadBaseUrl: emu.url, creditsBaseUrl: emu.url },
        getApiKey: async () => emu.apiKey,
        ...defaults,
        ...over,
      });
      closers.push(() => engine.close());
      return engine;
    },
    defer(close) {
      closers.push(close);
    },
    closeAll,
  };
  return fixture;
}
