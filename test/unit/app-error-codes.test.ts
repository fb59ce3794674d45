// Every failure the window can show carries a stable code with plain params, derived from the core's own
// errors, so the window can say it in the person's language; the English message is kept as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toIpcError } from '../../src/main/core/app-service';
import { createSettingsStore } from '../../src/main/core/settings';

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
});
