// Reads a multipart/form-data body: text fields into memory, the `file` part straight into a
// temp file. Fields may arrive before or after the file, so naming waits until the body ends.
import busboy from 'busboy';
import { createWriteStream } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import { ApiFailure } from './api-failure';
import { HeadTap } from './head-tap';
import type { RequestContext } from './request-context';
import type { Storage } from './storage';
import type { ReceivedFile } from './upload-result';

export interface MultipartUpload {
  fields: Record<string, string>;
  file?: ReceivedFile & { originalName?: string };
}

export async function receiveMultipart(ctx: RequestContext, storage: Storage): Promise<MultipartUpload> {
  const contentType = ctx.req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new ApiFailure(
      400,
      `Missing required parameter: file (the body must be multipart/form-data, got ${contentType ? `"${contentType}"` : 'no Content-Type'})`,
    );
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: ctx.req.headers,
      limits: { fields: 50, fieldSize: 64 * 1024, parts: 100 },
    });
  } catch (err) {
    throw new ApiFailure(400, `Invalid multipart body: ${(err as Error).message}`);
  }

  const fields: Record<string, string> = {};
  let filePart: Promise<MultipartUpload['file']> | undefined;

  parser.on('field', (name, value) => {
    if (!(name in fields)) fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || filePart) {
      stream.resume(); // only the first `file` part is the upload
      return;
    }
    const tempPath = storage.tempPath();
    const tap = new HeadTap();
    filePart = pipeline(stream, tap, createWriteStream(tempPath)).then(
      () => ({ tempPath, size: tap.size, head: tap.head, originalName: info.filename }),
      async (err: unknown) => {
        await storage.discard(tempPath);
        throw err;
      },
    );
    filePart.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  });

  const body = ctx.bodyStream();
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', (err) =>
      reject(new ApiFailure(400, `Invalid multipart body: ${(err as Error).message}`)),
    );
    body.on('error', reject);
  });
  body.pipe(parser);

  try {
    await parsed;
    return { fields, file: filePart ? await filePart : undefined };
  } catch (err) {
    body.unpipe(parser);
    parser.destroy();
    if (filePart)
      await filePart.then(
        (f) => f && storage.discard(f.tempPath),
        () => {},
      );
    // Read what is left of a malformed body, so the client gets the 400 instead of a broken pipe.
    if (!ctx.gone) {
      body.resume();
      await finished(body).catch(() => {});
    }
    throw err;
  }
}
