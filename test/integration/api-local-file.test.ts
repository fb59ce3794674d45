// What happens around the local file and the caller: missing, folder, unreadable, changing
// while sent, cancelled; and input refused before a single byte goes out.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, truncateSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture';
import { apiFailure } from '../support/failures';
import { writeRandomFile } from '../support/temp-files';
import { expectNoDescriptorsTo } from '../support/open-descriptors';

const fx = useApiFixture('kiedrop-api-local-');

const file = async (name: string, size: number): Promise<string> =>
  (await writeRandomFile(fx.dir, name, size)).path;

describe('the file to upload', () => {
  it('a missing file is reported by path and nothing is sent', async () => {
    const path = join(fx.dir, 'nope.png');
    const err = await apiFailure(fx.client.streamUpload({ filePath: path, uploadPath: 'it/local' }));
    expect(err.kind).toBe('local-file');
    expect(err.message).toBe(`File not found: ${path}`);
    expect(fx.emulator.log).toHaveLength(0);
  });

  it('a folder is refused with a hint to pick the files inside', async () => {
    const folder = join(fx.dir, 'holiday');
    await mkdir(folder, { recursive: true });
    const err = await apiFailure(fx.client.streamUpload({ filePath: folder, uploadPath: 'it/local' }));
    expect(err.kind).toBe('local-file');
    expect(err.message).toBe(`${folder} is a folder; choose files inside it.`);
    expect(fx.emulator.log).toHaveLength(0);
  });

  it('a named pipe is refused at once (no wait for a writer), nothing is sent and it is not left open', async () => {
    const fifo = join(fx.dir, 'pipe.bin');
    await promisify(execFile)('mkfifo', [fifo]);
    const err = await apiFailure(fx.client.streamUpload({ filePath: fifo, uploadPath: 'it/local' }));
    expect(err.kind).toBe('local-file');
    expect(err.message).toBe(
      `${fifo} is not a regular file (a pipe, socket or device?); it cannot be uploaded.`,
    );
    expect(fx.emulator.log).toHaveLength(0);
    await expectNoDescriptorsTo(fifo);
  });

  it('an unreadable file is reported as permission denied and nothing is sent', async () => {
    const locked = await file('locked.bin', 10);
    await chmod(locked, 0o000);
    await chmod(fx.dir, 0o755);
    let outcome: { kind?: string; message?: string; ok?: boolean };
    if (process.getuid?.() === 0) {
      // root reads anything, so run the upload as an unprivileged user in a child process.
      const code = `
        const { createApiClient } = await import(process.env.API_MODULE);
        const c = createApiClient({ uploadBaseUrl: process.env.EMU_URL, creditsBaseUrl: process.env.EMU_URL, apiKey: process.env.EMU_KEY });
        try { await c.streamUpload({ filePath: process.env.FILE, uploadPath: 'it/local' }); console.log(JSON.stringify({ ok: true })); }
        catch (e) { console.log(JSON.stringify({ kind: e.kind, message: e.message })); }
        c.close();`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', code],
        {
          uid: 65534,
          gid: 65534,
          cwd: process.cwd(),
          env: {
            PATH: process.env.PATH ?? '',
            API_MODULE: new URL('../../src/main/core/api/index.ts', import.meta.url).href,
            EMU_URL: fx.emulator.url,
            EMU_KEY: fx.emulator.apiKey,
            FILE: locked,
          },
        },
      );
      outcome = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as typeof outcome;
    } else {
      const err = await apiFailure(fx.client.streamUpload({ filePath: locked, uploadPath: 'it/local' }));
      outcome = { kind: err.kind, message: err.message };
    }
    expect(outcome).toEqual({ kind: 'local-file', message: `Cannot read ${locked}: permission denied.` });
    expect(fx.emulator.log).toHaveLength(0);
  });

  it('a file that shrinks during the upload aborts it: error, nothing stored, no open descriptor', async () => {
    const path = await file('shrinks.bin', 16 * 1024 * 1024);
    let truncated = false;
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: path,
        uploadPath: 'it/local',
        onProgress: ({ sent, total }) => {
          if (!truncated && sent > total / 2) {
            truncateSync(path, 1024 * 1024);
            truncated = true;
          }
        },
      }),
    );
    expect(truncated).toBe(true);
    expect(err.kind).toBe('local-file');
    expect(err.message).toMatch(
      /^The file changed while uploading: .*shrinks\.bin \(it got shorter; expected 16777216 bytes\)/,
    );
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/local', 'shrinks.bin'))).toBeUndefined();
    await expectNoDescriptorsTo(path);
    await expect.poll(() => fx.emulator.log[0]?.status).toBe(0); // the server saw the connection drop, not a body
  });

  it('a file that grows during the upload aborts it too', async () => {
    const path = await file('grows.bin', 16 * 1024 * 1024);
    let grown = false;
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: path,
        uploadPath: 'it/local',
        onProgress: ({ sent, total }) => {
          if (!grown && sent > total / 4) {
            appendFileSync(path, randomBytes(10));
            grown = true;
          }
        },
      }),
    );
    expect(grown).toBe(true);
    expect(err.kind).toBe('local-file');
    expect(err.message).toMatch(/^The file changed while uploading: .*grows\.bin \(it got longer/);
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/local', 'grows.bin'))).toBeUndefined();
    await expectNoDescriptorsTo(path);
  });

  it('a 0-byte file is uploaded (the API accepts it)', async () => {
    const path = await file('zero.txt', 0);
    const result = await fx.client.streamUpload({ filePath: path, uploadPath: 'it/local' });
    expect(result.fileSize).toBe(0);
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/local', 'zero.txt'))).toBeDefined();
  });
});

describe('cancelling', () => {
  it('aborting mid-body rejects with "aborted", stores nothing and closes the file', async () => {
    const path = await file('cancel.bin', 32 * 1024 * 1024);
    const controller = new AbortController();
    const err = await apiFailure(
      fx.client.streamUpload({
        filePath: path,
        uploadPath: 'it/local',
        signal: controller.signal,
        onProgress: ({ sent }) => {
          if (sent > 4 * 1024 * 1024) controller.abort();
        },
      }),
    );
    expect(err.kind).toBe('aborted');
    expect(err.message).toBe('The upload of "cancel.bin" was cancelled.');
    expect(err.retryable).toBe(false);
    await expectNoDescriptorsTo(path);
    await expect.poll(() => fx.emulator.log[0]?.durationMs ?? 0).toBeGreaterThan(0);
    expect(fx.emulator.log[0]!.bodyBytes).toBeLessThan(32 * 1024 * 1024);
    expect(fx.emulator.storedFile(fx.emulator.filePathFor('it/local', 'cancel.bin'))).toBeUndefined();
  });

  it('aborting while waiting for the answer rejects promptly with "aborted"', async () => {
    const path = await file('waiting.bin', 1000);
    fx.emulator.faults.add({ latencyMs: 2000, times: 1 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = fx.client.streamUpload({
      filePath: path,
      uploadPath: 'it/local',
      signal: controller.signal,
      onProgress: ({ sent, total }) => {
        if (sent === total) setTimeout(() => controller.abort(), 100);
      },
    });
    const err = await apiFailure(pending);
    expect(err.kind).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an already aborted signal sends nothing at all', async () => {
    const path = await file('never.bin', 10);
    const err = await apiFailure(
      fx.client.streamUpload({ filePath: path, uploadPath: 'it/local', signal: AbortSignal.abort() }),
    );
    expect(err.kind).toBe('aborted');
    expect(fx.emulator.log).toHaveLength(0);
    await expectNoDescriptorsTo(path);
  });
});

describe('refused before sending', () => {
  it('Base64 upload of a file over 10 MB', async () => {
    const path = await file('large.raw', 10 * 1024 * 1024 + 1);
    const err = await apiFailure(
      fx.client.base64Upload({ source: { filePath: path }, uploadPath: 'it/local' }),
    );
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toBe(
      'large.raw is 10,485,761 bytes; Base64 upload takes at most 10,485,760 bytes. Use a stream upload instead.',
    );
    expect(fx.emulator.log).toHaveLength(0);
    await expectNoDescriptorsTo(path);
  });

  it('Base64 text that decodes to over 10 MB', async () => {
    const base64Data = Buffer.alloc(12 * 1024 * 1024).toString('base64');
    const err = await apiFailure(
      fx.client.base64Upload({ source: { base64Data }, uploadPath: 'it/local', fileName: 'x.bin' }),
    );
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toBe(
      '"x.bin" is 12.0 MB; Base64 upload takes at most 10.0 MB. Use a stream upload instead.',
    );
    expect(fx.emulator.log).toHaveLength(0);
  });

  it.each(['ftp://example.com/a.jpg', 'file:///etc/hosts', 'not a url'])(
    'URL upload of %j',
    async (fileUrl) => {
      const err = await apiFailure(fx.client.urlUpload({ fileUrl, uploadPath: 'it/local' }));
      expect(err.kind).toBe('invalid-input');
      expect(fx.emulator.log).toHaveLength(0);
    },
  );

  it.each([
    ['/leading', 'a.txt'],
    ['a/../b', 'a.txt'],
    ['a\\b', 'a.txt'],
    ['ok', '../a.txt'],
    ['ok', 'line\nbreak.txt'],
    ['ok', '..'],
  ])('uploadPath %j with fileName %j', async (uploadPath, fileName) => {
    const path = await file('valid.txt', 5);
    for (const call of [
      () => fx.client.streamUpload({ filePath: path, uploadPath, fileName }),
      () => fx.client.base64Upload({ source: { filePath: path }, uploadPath, fileName }),
      () => fx.client.urlUpload({ fileUrl: 'https://example.com/a.txt', uploadPath, fileName }),
    ]) {
      expect((await apiFailure(call())).kind).toBe('invalid-input');
    }
    expect(fx.emulator.log).toHaveLength(0);
    await expectNoDescriptorsTo(path);
  });
});
