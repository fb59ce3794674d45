// Downloads a public link's bytes into a file, streamed (never held in memory), through the agents of the
// configured proxy. The bytes land in a temporary file beside the target and are renamed into place only
// when they are complete: a failed or cut-off download never leaves a half file under the chosen name.
// The size is checked against the Content-Length and, when given, the size the history recorded.
// node:http rather than fetch, as in api/http-send.ts: the same agents (direct or tunnelled) apply.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import http from 'node:http';
import { basename, dirname, join } from 'node:path';
import type { AgentRouter } from '../api/proxy-agent';
import { httpsModule } from '../api/https-module';

export interface DownloadOptions {
  agents?: AgentRouter;
  userAgent?: string;
  /** The size the history recorded; a different byte count is refused. */
  expectedSize?: number;
  /** No byte for this long ends the download; default 30 s. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface Downloaded {
  path: string;
  size: number;
  sha256: string;
}

/** Why a download failed, in words a person can act on; `gone` when the host says the file is deleted. */
export class DownloadError extends Error {
  readonly gone: boolean;
  constructor(message: string, opts: { gone?: boolean; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'DownloadError';
    this.gone = opts.gone ?? false;
  }
}

const MAX_REDIRECTS = 5;

function getOnce(
  url: URL,
  opts: DownloadOptions,
  agent: http.Agent | undefined,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsModule() : http).get(url, {
      agent,
      headers: opts.userAgent !== undefined ? { 'User-Agent': opts.userAgent } : {},
      signal: opts.signal,
    });
    req.setTimeout(opts.idleTimeoutMs ?? 30_000, () =>
      req.destroy(new DownloadError(`${url.host} did not answer in time.`)),
    );
    req.on('response', resolve);
    req.on('error', (err) =>
      reject(
        err instanceof DownloadError ? err : new DownloadError(`${url.host}: ${err.message}`, { cause: err }),
      ),
    );
  });
}

async function open(link: string, opts: DownloadOptions): Promise<http.IncomingMessage> {
  let url = new URL(link);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new DownloadError(`${link} is not an http(s) address.`);
    const route = opts.agents ? await opts.agents.route(url) : undefined;
    const res = await getOnce(url, opts, route?.agent);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      res.resume();
      url = new URL(location, url);
      continue;
    }
    if (status === 200) return res;
    res.resume();
    if (status === 404 || status === 410)
      throw new DownloadError(`the link no longer works (HTTP ${status}): the file is gone.`, { gone: true });
    throw new DownloadError(`${url.host} answered HTTP ${status}.`);
  }
  throw new DownloadError(`${link} redirected more than ${MAX_REDIRECTS} times.`);
}

/** Writes the link's bytes to `target` (replacing it only once complete). */
export async function downloadLink(
  link: string,
  target: string,
  opts: DownloadOptions = {},
): Promise<Downloaded> {
  const res = await open(link, opts);
  const announced = res.headers['content-length'];
  if (announced !== undefined && opts.expectedSize !== undefined && Number(announced) !== opts.expectedSize) {
    res.destroy();
    throw new DownloadError(
      `the link serves ${announced} bytes, not the ${opts.expectedSize} that were uploaded.`,
    );
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(temp, { flags: 'wx' });
      const fail = (err: Error): void => {
        res.destroy();
        out.destroy();
        reject(err);
      };
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      res.on('aborted', () =>
        fail(new DownloadError('the connection closed before the whole file arrived.')),
      );
      res.on('error', (err) => fail(new DownloadError(err.message, { cause: err })));
      out.on('error', (err) => fail(err));
      out.on('finish', () => resolve());
      res.pipe(out);
    });
    if (announced !== undefined && size !== Number(announced))
      throw new DownloadError(`only ${size} of ${announced} bytes arrived.`);
    if (opts.expectedSize !== undefined && size !== opts.expectedSize)
      throw new DownloadError(
        `the link served ${size} bytes, not the ${opts.expectedSize} that were uploaded.`,
      );
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return { path: target, size, sha256: hash.digest('hex') };
}
