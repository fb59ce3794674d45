// Every failure the window can show carries a stable code with plain params, derived from the core's own
// errors, so the window can say it in the person's language; the English message is kept as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/main/core/api';
import { toIpcError } from '../../src/main/core/app-service';
import { normalizeApiKey } from '../../src/main/core/secrets';
import { createSettingsStore } from '../../src/main/core/settings';

/** Nothing listens here: "connection refused". */
const CLOSED = 'http://127.0.0.1:9';

async function failureOf(run: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

const dataDir = mkdtempSync(join(tmpdir(), 'kiedrop-error-codes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('error codes', () => {
  it('names why a default upload path cannot be used, with the path', () => {
    const store = createSettingsStore(dataDir);
    let err: unknown;
    try {
      store.set({ defaultUploadPath: 'photos\\2026' });
    } catch (e) {
      err = e;
    }
    const ipc = toIpcError(err);
    expect(ipc).toMatchObject({ code: 'upload-path.backslash', params: { path: 'photos\\2026' } });
    expect(ipc.message).toContain('contains a backslash');
  });

  it('names a refused connection with its host, a missing file with its name, and a key that is no key', async () => {
    const client = createApiClient({ apiKey: 'kie-test-key', uploadBaseUrl: CLOSED, creditsBaseUrl: CLOSED });
    try {
      const refused = toIpcError(await failureOf(() => client.getCredits()));
      expect(refused).toMatchObject({
        kind: 'network',
        code: 'network.refused',
        params: { host: '127.0.0.1:9' },
      });
      const missing = join(dataDir, 'never-written.png');
      const gone = toIpcError(
        await failureOf(() => client.streamUpload({ filePath: missing, uploadPath: 'x' })),
      );
      expect(gone).toMatchObject({
        kind: 'local-file',
        code: 'file.not-found',
        params: { name: 'never-written.png', path: missing },
      });
      expect(gone.message).toBe(`File not found: ${missing}`);
    } finally {
      client.close();
    }
    expect(toIpcError(await failureOf(() => normalizeApiKey('not a key')))).toMatchObject({
      code: 'key.malformed',
    });
  });

  it('says a proxy that is down is the proxy, not the server, in code and words', async () => {
    const client = createApiClient({
      apiKey: 'kie-test-key',
      uploadBaseUrl: 'http://upload.invalid',
      creditsBaseUrl: 'http://upload.invalid',
      proxy: { mode: 'manual', url: CLOSED, origin: 'in Settings' },
    });
    try {
      const refused = toIpcError(await failureOf(() => client.getCredits()));
      expect(refused).toMatchObject({
        kind: 'network',
        code: 'proxy.refused',
        params: { host: '127.0.0.1:9' },
      });
      expect(refused.message).toContain('Could not connect to the proxy 127.0.0.1:9');
    } finally {
      client.close();
    }
  });
});
