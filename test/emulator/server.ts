// The HTTP front door: control routes, request logging, faults, routing, auth and method checks,
// in that order, then the route handler.
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FaultStore } from './faults';
import type { RequestLogEntry } from './types';
import type { RouteDeps } from './routes/route-deps';
import { ApiFailure } from './api-failure';
import { AUTH_FAILED_MSG, authState } from './auth';
import { describeFault } from './faults';
import { RequestContext } from './request-context';
import { base64Upload } from './routes/base64-upload';
import { CONTROL_PREFIX, handleControl, type ControlDeps } from './routes/control';
import { credits } from './routes/credits';
import { FILES_PREFIX, serveFile } from './routes/files';
import { streamUpload } from './routes/stream-upload';
import { urlUpload } from './routes/url-upload';

type RouteHandler = (ctx: RequestContext, deps: RouteDeps) => Promise<void>;

const API_ROUTES: Record<string, { method: string; handler: RouteHandler }> = {
  '/api/file-stream-upload': { method: 'POST', handler: streamUpload },
  '/api/file-base64-upload': { method: 'POST', handler: base64Upload },
  '/api/file-url-upload': { method: 'POST', handler: urlUpload },
  '/api/v1/chat/credit': { method: 'GET', handler: credits },
};

export interface ServerDeps extends RouteDeps {
  control: ControlDeps;
  faults: FaultStore;
  apiKeys: () => readonly string[];
  onFinished: (entry: RequestLogEntry) => void;
}

export function createApiServer(deps: ServerDeps): { server: http.Server; idle(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const track = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    const done = handle(req, res, expectsContinue, deps).catch(() => {});
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  const server = http.createServer((req, res) => track(req, res, false));
  // Deciding on Expect: 100-continue ourselves lets a bad key be refused before the body is sent.
  server.on('checkContinue', (req, res) => track(req, res, true));
  server.on('clientError', (_err, socket) => socket.destroy());
  return { server, idle: async () => void (await Promise.all([...inFlight])) };
}

async function handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean, deps: ServerDeps) {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  if (path.startsWith(CONTROL_PREFIX)) {
    if (expectsContinue) res.writeContinue();
    return handleControl(req, res, path, deps.control);
  }

  const contentLength = req.headers['content-length'];
  const entry: RequestLogEntry = {
    method,
    path,
    status: 0,
    startedAt: deps.now(),
    durationMs: 0,
    bodyBytes: 0,
    ...(contentLength !== undefined && { contentLength: Number(contentLength) }),
    fields: {},
    authorization: authState(req.headers.authorization, deps.apiKeys()),
  };
  const fault = deps.faults.take(method, path);
  if (fault) entry.fault = describeFault(fault);
  deps.control.log.push(entry);
  const ctx = new RequestContext(req, res, entry, fault, expectsContinue, deps.onFinished);

  try {
    if (fault && (fault.status !== undefined || fault.resetAfterBytes !== undefined)) {
      // The body is still read first, as a real server or proxy would before failing.
      await ctx.drainBody();
      if (fault.status !== undefined) {
        const headers = fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : undefined;
        await ctx.sendError(fault.status, fault.msg ?? defaultMessage(fault.status), headers);
      }
      return;
    }
    await route(ctx, method, path, deps);
  } catch (err) {
    if (ctx.gone) return;
    ctx.discardRestOfBody();
    if (err instanceof ApiFailure) await ctx.sendError(err.status, err.message, err.headers);
    else await ctx.sendError(500, `Internal server error: ${(err as Error).message}`);
  }
}

async function route(ctx: RequestContext, method: string, path: string, deps: ServerDeps): Promise<void> {
  if (path.startsWith(FILES_PREFIX)) return serveFile(ctx, deps); // public links: no key needed
  const api = API_ROUTES[path];
  if (!api) throw new ApiFailure(404, `Not found: there is no API route ${method} ${path}`);
  // Auth comes before the method check, as an auth filter in front of the router would do it.
  if (ctx.entry.authorization !== 'valid') throw new ApiFailure(401, AUTH_FAILED_MSG);
  if (method !== api.method) throw new ApiFailure(405, 'Method not allowed', { Allow: api.method });
  await api.handler(ctx, deps);
}

function defaultMessage(status: number): string {
  if (status === 500) return 'Internal server error';
  return STATUS_CODES[status] ?? `HTTP ${status}`;
}
