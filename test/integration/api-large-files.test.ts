// Files larger than one read chunk (4 MiB): read into buffers that are reused from chunk to chunk and
// from upload to upload, so what is stored must never mix in bytes of another chunk or another file,
// whether uploads run one after another, at once, or after one was cancelled.
import { closeSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256File } from '../emulator/test-client';
import { useApiFixture } from '../support/api-fixture';
import { apiFailure } from '../support/failures';
import { expectNoDescriptorsTo } from '../support/open-descriptors';
import { writeRandomFile } from '../support/temp-files';
import type { WrittenFile } from '../support/temp-files';

const fx = useApiFixture('kiedrop-api-large-');
const MiB = 1024 * 1024;

async function expectStored(file: WrittenFile, filePath: string): Promise<void> {
  const disk = fx.emulator.storedFile(filePath);
  expect(disk, `the emulator should have stored ${filePath}`).toBeDefined();
  expect(await sha256File(disk!)).toBe(sha256(file.data));
}

describe('large files', () => {
  it('are stored byte for byte when sent at once, then one after another', async () => {
    const files = await Promise.all([
      writeRandomFile(fx.dir, 'a.bin', 9 * MiB + 1),
      writeRandomFile(fx.dir, 'b.bin', 4 * MiB + 7),
      writeRandomFile(fx.dir, 'c.bin', 12 * MiB - 3),
    ]);
    const upload = (file: WrittenFile, uploadPath: string) =>
      fx.client.streamUpload({ filePath: file.path, uploadPath });

    const atOnce = await Promise.all(files.map((f) => upload(f, 'it/at-once')));
    for (const [i, result] of atOnce.entries()) await expectStored(files[i]!, result.filePath);

    for (const file of [...files].reverse()) {
      const result = await upload(file, 'it/in-turn');
      await expectStored(file, result.filePath);
    }
  });

  it('a cancelled upload leaves nothing behind that the next upload would send', async () => {
    const first = await writeRandomFile(fx.dir, 'cancelled.bin', 20 * MiB);
    const second = await writeRandomFile(fx.dir, 'next.bin', 10 * MiB);
    const controller = new AbortController();
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: first.path,
        uploadPath: 'it/cancel',
        signal: controller.signal,
        onProgress: ({ sent }) => {
          if (sent > 5 * MiB) controller.abort();
        },
      }),
    );
    expect(err.kind).toBe('aborted');
    await expectNoDescriptorsTo(first.path);

    const result = await fx.client.streamUpload({ filePath: second.path, uploadPath: 'it/cancel' });
    await expectStored(second, result.filePath);
  });

  it('a same-size rewrite during the upload is caught and nothing is stored', async () => {
    const file = await writeRandomFile(fx.dir, 'rewritten.bin', 16 * MiB);
    let rewritten = false;
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: file.path,
        uploadPath: 'it/rewrite',
        onProgress: ({ sent, total }) => {
          if (rewritten || sent < total / 4) return;
          // Bytes already read change; the size stays: only the file's timestamps tell.
          const fd = openSync(file.path, 'r+');
          writeSync(fd, randomBytes(4096), 0, 4096, 0);
          closeSync(fd);
          rewritten = true;
        },
      }),
    );
    expect(rewritten).toBe(true);
    expect(err.kind).toBe('local-file');
    expect(err.message).toMatch(
      /^The file changed while uploading: .*rewritten\.bin \(it was written to; expected 16777216 bytes\)/,
    );
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/rewrite', 'rewritten.bin'))).toBeUndefined();
    await expectNoDescriptorsTo(file.path);
  });
});
