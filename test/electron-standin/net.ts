// net.request and its ClientRequest, as electron-updater uses them (ElectronHttpExecutor): Electron's
// documented shape (electronjs.org/docs/api/client-request, /docs/api/incoming-message) over Node's
// http client. Only after 'ready'. The response is a readable stream with statusCode, statusMessage and
// lower-case headers; with redirect: 'manual' a 3xx answer is a 'redirect' event (statusCode, method,
// redirectUrl, responseHeaders) and the request waits for followRedirect() or abort(); 'follow' (the
// default) follows it; 'error' fails. Network failures are 'error' events named as Chromium names them.
// There is no 'socket' event (Electron's ClientRequest has none). The session's proxy is recorded, not
// applied: requests go straight to the host. net.isOnline() answers as the test's offline mode says.
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { ClientRequest as NodeClientRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { requireReady } from './lifecycle';
import { modes } from './modes';

export interface NetRequestOptions {
  method?: string;
  url?: string;
  protocol?: string;
  host?: string;
  hostname?: string;
  port?: number | string;
  path?: string;
  headers?: Record<string, string | string[] | number>;
  redirect?: 'follow' | 'error' | 'manual';
  session?: unknown;
  partition?: string;
}

/** Every request made through net, for a test to read (method and URL). */
export const netRequests: { method: string; url: string }[] = [];

/** Chromium's name for a failed connection, as Electron reports it. */
function chromiumError(err: NodeJS.ErrnoException): Error {
  const name =
    err.code === 'ECONNREFUSED'
      ? 'net::ERR_CONNECTION_REFUSED'
      : err.code === 'ENOTFOUND'
        ? 'net::ERR_NAME_NOT_RESOLVED'
        : err.code === 'ECONNRESET'
          ? 'net::ERR_CONNECTION_RESET'
          : 'net::ERR_FAILED';
  return new Error(name);
}

function targetUrl(options: NetRequestOptions): URL {
  if (options.url) return new URL(options.url);
  const protocol = options.protocol ?? 'http:';
  const host = options.host ?? `${options.hostname ?? 'localhost'}${options.port ? `:${options.port}` : ''}`;
  return new URL(`${protocol}//${host}${options.path ?? '/'}`);
}

export class ClientRequest extends EventEmitter {
  private readonly headers = new Map<string, string>();
  private url: URL;
  private readonly method: string;
  private readonly redirectMode: 'follow' | 'error' | 'manual';
  private current: NodeClientRequest | null = null;
  private pendingRedirect: string | null = null;
  private aborted = false;

  constructor(options: NetRequestOptions | string) {
    super();
    const opts = typeof options === 'string' ? { url: options } : options;
    this.url = targetUrl(opts);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') {
      throw new Error(`Protocol "${this.url.protocol}" not supported`);
    }
    this.method = (opts.method ?? 'GET').toUpperCase();
    this.redirectMode = opts.redirect ?? 'follow';
    for (const [name, value] of Object.entries(opts.headers ?? {})) this.setHeader(name, String(value));
  }

  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
  removeHeader(name: string): void {
    this.headers.delete(name.toLowerCase());
  }

  end(): this {
    this.send();
    return this;
  }

  followRedirect(): void {
    const next = this.pendingRedirect;
    if (next === null) throw new Error('followRedirect() called without a pending redirect');
    this.pendingRedirect = null;
    this.url = new URL(next);
    this.send();
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.current?.destroy();
    this.emit('abort');
    this.emit('close');
  }

  private send(): void {
    if (this.aborted) return;
    netRequests.push({ method: this.method, url: this.url.href });
    const send = this.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(this.url, { method: this.method, headers: Object.fromEntries(this.headers) });
    this.current = req;
    req.on('response', (res: IncomingMessage) => this.answered(res));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (this.aborted) return;
      this.emit('error', chromiumError(err));
      this.emit('close');
    });
    req.end();
  }

  private answered(res: IncomingMessage): void {
    if (this.aborted) return;
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      const redirectUrl = new URL(location, this.url).href;
      if (this.redirectMode === 'error') {
        this.emit('error', new Error('net::ERR_ABORTED'));
        return;
      }
      this.pendingRedirect = redirectUrl;
      if (this.redirectMode === 'manual') {
        this.emit('redirect', status, this.method, redirectUrl, res.headers);
        return;
      }
      this.followRedirect();
      return;
    }
    res.on('end', () => this.emit('close'));
    this.emit('response', res);
  }
}

export const net = {
  request(options: NetRequestOptions | string): ClientRequest {
    requireReady("The 'net' module");
    return new ClientRequest(options);
  },
  /** Whether the computer has a network connection (the test's KIEDROP_STANDIN_OFFLINE says it has none). */
  isOnline(): boolean {
    requireReady("The 'net' module");
    return !modes.offline;
  },
};
