// The setup the API client's own tests share: one emulator and one client on it for the whole file, a temp
// folder for the files to send, and a clean slate (no faults, an empty request log) before each test.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApiClient } from '../../src/main/core/api/index';
import type { ApiClient, ApiClientConfig } from '../../src/main/core/api/index';
import { startEmulator } from '../emulator/index';
import type { Emulator } from '../emulator/index';
import { settled } from './settled';
import { makeTempDir } from './temp-files';

export interface ApiFixture {
  readonly emulator: Emulator;
  /** Talks to the emulator with its key. */
  readonly client: ApiClient;
  /** Shared by the file's tests; removed after the last one. */
  readonly dir: string;
}

/** Registers the hooks; call it at the top level of a test file. `config` adjusts the client's settings. */
export function useApiFixture(
  dirPrefix: string,
  config: (emulator: Emulator) => Partial<ApiClientConfig> = () => ({}),
): ApiFixture {
  let emulator: Emulator | undefined;
  let client: ApiClient | undefined;
  let dir: string | undefined;

  beforeAll(async () => {
    const emu = await startEmulator();
    emulator = emu;
    client = createApiClient({
      uploadBaseUrl: emu.url,
      creditsBaseUrl: emu.url,
      apiKey: emu.apiKey,
      ...config(emu),
    });
    dir = await makeTempDir(dirPrefix);
  });
  afterAll(async () => {
    client?.close();
    await emulator?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    settled(emulator, 'emulator').faults.clear();
    settled(emulator, 'emulator').log.length = 0;
  });

  return {
    get emulator() {
      return settled(emulator, 'emulator');
    },
    get client() {
      return settled(client, 'client');
    },
    get dir() {
      return settled(dir, 'dir');
    },
  };
}
