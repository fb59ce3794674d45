// Fetches a URL upload's source into a temp file: streamed, size-capped, with one deadline
// covering connect, redirects and transfer.
import { createWriteStream } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { HeadTap } from './head-tap';

const MAX_REDIRECTS = 5;

export class DownloadError extends Error {
  override name = 'DownloadError';
}

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Aborted when the emulator shuts down. */
  signal: AbortSignal;
}

export interface Downloaded {
  size: number;
  head: Buffer;
  contentType?: string;
}

export async function downloadToFile(url: URL, dest: string, opts: DownloadOptions): Promise<Downloaded> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DownloadError(`the download took longer than ${opts.timeoutMs / 1000} s`)),
    opts.timeoutMs,
  );
  const onShutdown = () => controller.abort(new DownloadError('the emulator is shutting down'));
  opts.signal.addEventListener('abort', onShutdown);
  const signal = controller.signal;
  try {
    let current = url;
    for (let hops = 0; ; hops++) {
      const res = await request(current, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (hops >= MAX_REDIRECTS) throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`);
        current = new URL(location, current);
        if (current.protocol !== 'http:' && current.protocol !== 'https:') {
          throw new DownloadError(`redirected to a non-http(s) URL (${current.protocol})`);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new DownloadError(`the server answered HTTP ${status}`);
      }
      const tooLarge = () =>
        new DownloadError(`the file is larger than the ${formatBytes(opts.maxBytes)} limit`);
      if (Number(res.headers['content-length']) > opts.maxBytes) {
        res.destroy();
        throw tooLarge();
      }
      const tap = new HeadTap(opts.maxBytes, tooLarge);
      await pipeline(res, tap, createWriteStream(dest), { signal });
      return { size: tap.size, head: tap.head, contentType: res.headers['content-type'] };
    }
  } catch (err) {
    if (signal.aborted && signal.reason instanceof DownloadError) throw signal.reason;
    if (err instanceof DownloadError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new DownloadError(`could not fetch it (${e.code ?? e.message})`);
  } finally {
    clearTimeout(timer);
    opts.signal.removeEventListener('abort', onShutdown);
  }
}

function request(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, { signal }, resolve);
    req.on('error', reject);
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : `${n} bytes`;
}
