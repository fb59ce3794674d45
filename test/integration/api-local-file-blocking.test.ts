// The same promises about the file being sent when the process reads small files in blocking calls, as
// the CLI does (src/main/core/api/blocking-io.ts): exact bytes, refusals by path before anything is sent,
// a named pipe refused without waiting for a writer, a file replaced while it was being sent stops the
// upload before the server keeps it, and no descriptor is left open. Larger files still stream.
import { execFile } from 'node:child_process';
import { readFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowBlockingSmallFileIo, BLOCKING_READ_MAX_BYTES } from '../../src/main/core/api/blocking-io';
import { useApiFixture } from '../support/api-fixture';
import { apiFailure } from '../support/failures';
import { expectNoDescriptorsTo } from '../support/open-descriptors';
import { writeRandomFile } from '../support/temp-files';

const fx = useApiFixture('kiedrop-api-blocking-');

beforeAll(() => {
  // Module state is per test file: only this file's uploads read in blocking calls.
  allowBlockingSmallFileIo();
});

async function stored(uploadPath: string, name: string): Promise<Buffer | undefined> {
  const at = fx.emulator.storedFile(fx.emulator.filePathFor(uploadPath, name));
  return at === undefined ? undefined : readFile(at);
}

describe('small files read in blocking calls', () => {
  it('sends the exact bytes of a small file and of one just over the limit, and closes both', async () => {
    const small = await writeRandomFile(fx.dir, 'small.bin', 300 * 1024);
    const large = await writeRandomFile(fx.dir, 'large.bin', BLOCKING_READ_MAX_BYTES + 1);
    for (const file of [small, large]) {
      const result = await fx.client.streamUpload({ filePath: file.path, uploadPath: 'it/blocking' });
      expect(result.fileSize).toBe(file.data.length);
      const name = file.path.endsWith('small.bin') ? 'small.bin' : 'large.bin';
      expect((await stored('it/blocking', name))?.equals(file.data)).toBe(true);
      await expectNoDescriptorsTo(file.path);
    }
  });

  it('refuses a missing file and a folder by path, sending nothing', async () => {
    const missing = join(fx.dir, 'nope.png');
    const gone = await apiFailure(fx.client.streamUpload({ filePath: missing, uploadPath: 'it/blocking' }));
    expect(gone.message).toBe(`File not found: ${missing}`);
    const folder = join(fx.dir, 'holiday');
    await mkdir(folder, { recursive: true });
    const dir = await apiFailure(fx.client.streamUpload({ filePath: folder, uploadPath: 'it/blocking' }));
    expect(dir.message).toBe(`${folder} is a folder; choose files inside it.`);
    expect(fx.emulator.log).toHaveLength(0);
  });

  it('refuses a named pipe at once, without waiting for a writer, and leaves it closed', async () => {
    const fifo = join(fx.dir, 'pipe.bin');
    await promisify(execFile)('mkfifo', [fifo]);
    const err = await apiFailure(fx.client.streamUpload({ filePath: fifo, uploadPath: 'it/blocking' }));
    expect(err.message).toBe(
      `${fifo} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
    );
    expect(fx.emulator.log).toHaveLength(0);
    await expectNoDescriptorsTo(fifo);
  });

  it('stops the upload when another file is saved over it while it is sent: nothing stored, nothing open', async () => {
    const file = await writeRandomFile(fx.dir, 'report.bin', 512 * 1024);
    const other = join(fx.dir, 'report-new.bin');
    await writeFile(other, Buffer.alloc(512 * 1024, 7));
    let replaced = false;
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: file.path,
        uploadPath: 'it/blocking',
        onProgress: () => {
          if (replaced) return;
          replaced = true;
          // An editor's save: the new version is renamed over the old one.
          void rename(other, file.path);
        },
      }),
    );
    expect(replaced).toBe(true);
    expect(err.kind).toBe('local-file');
    expect(err.message).toMatch(/^The file changed while uploading: .*report\.bin \(/);
    expect(await stored('it/blocking', 'report.bin')).toBeUndefined();
    await expectNoDescriptorsTo(file.path);
  });

  it('sends a 0-byte file', async () => {
    const file = await writeRandomFile(fx.dir, 'zero.txt', 0);
    const result = await fx.client.streamUpload({ filePath: file.path, uploadPath: 'it/blocking' });
    expect(result.fileSize).toBe(0);
    expect(await stored('it/blocking', 'zero.txt')).toEqual(Buffer.alloc(0));
  });
});
