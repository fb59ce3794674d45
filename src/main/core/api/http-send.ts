// The one request primitive: streams a body with backpressure and an exact Content-Length,
// reports progress, enforces idle/response timeouts, honours an AbortSignal, and always
// leaves the socket either reusable (clean success) or destroyed (anything else) — a pending
// CONNECT to a proxy included, so a failed request never keeps the process alive.
// The response limit covers the whole answer, headers and body: one that dribbles in forever
// or grows past MAX_RESPONSE_BYTES is given up, never waited for.
// node:http rather than fetch: fetch buffered a whole 1 GiB body in memory.
// Through a proxy the same holds: the request runs inside a CONNECT tunnel, and only connecting
// (and the proxy's answer to CONNECT) needs messages of its own.
import type { EventEmitter } from 'node:events';
import http from 'node:http';
import type https from 'node:https';
import { answerTooLargeError, answerTooSlowError, formatMs, MAX_RESPONSE_BYTES } from './answer-limits';
import { ApiError } from './errors';
import { httpsModule } from './https-module';
import { networkError } from './network-error';
import type { SendPhase } from './network-error';
import type { HttpResponse } from './parse-response';
import { createProgressMeter } from './progress-meter';
import type { AgentRoute, AgentRouter } from './proxy-agent';
import { proxyConnectError, proxyRefusedError } from './proxy-error';
import type { RequestBody } from './request-body';
import type { ProgressListener } from './types';
import { createWritePace } from './write-pace';

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 5 * 60_000;
/** Bodies this big first ask "Expect: 100-continue", so a wrong key or a refusal costs one
 * round trip instead of the whole upload (curl does the same above 1 MiB). */
export const EXPECT_CONTINUE_MIN_BYTES = 1024 * 1024;
/** Servers that ignore Expect get the body anyway after this wait. */
const CONTINUE_WAIT_MS = 1000;

export interface HttpSendOptions {
  /** HEAD: for link health checks (answers carry no body). */
  method: 'GET' | 'POST' | 'HEAD';
  url: URL;
  /** Caller's headers; Content-Type and Content-Length come from `body`. */
  headers: Record<string, string>;
  body?: RequestBody;
  /** A client's router (direct or through its proxy), or fixed agents per protocol (always direct). */
  agents?: AgentRouter | { http?: http.Agent; https?: https.Agent };
  signal?: AbortSignal;
  idleTimeoutMs?: number;
  responseTimeoutMs?: number;
  onProgress?: ProgressListener;
  /** Default: on for bodies of EXPECT_CONTINUE_MIN_BYTES or more. */
  expectContinue?: boolean;
  /** What this request is, for messages: e.g. 'The upload of "photo.png"'. */
  label: string;
}

/** Resolves on the first of `events` (or after `ms`) and removes its listeners. 'close' is always
 * among them so a destroyed request never leaves the body loop waiting. */
function firstEvent(emitter: EventEmitter, events: string[], ms?: number): Promise<void> {
  return new Promise((done) => {
    const timer = ms === undefined ? undefined : setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      for (const event of events) emitter.off(event, finish);
      done();
    }
    for (const event of events) emitter.on(event, finish);
  });
}

/** Resolves once `chunk` has gone to the socket (its write callback) or the request closed. Only
 * then is the next chunk asked for, and the producer may reuse this chunk's memory for it. One
 * write per chunk, so the socket sees few, large writes. */
function written(req: http.ClientRequest, chunk: Uint8Array): Promise<void> {
  return new Promise((done) => {
    const finish = (): void => {
      req.off('close', finish);
      done();
    };
    req.on('close', finish);
    req.write(chunk, finish);
  });
}

/** An aborted signal becomes 'aborted' — or 'timeout' when the signal came from AbortSignal.timeout(). */
export function abortError(signal: AbortSignal | undefined, label: string): ApiError {
  const reason: unknown = signal?.reason;
  if (reason instanceof ApiError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new ApiError('timeout', `${label} took longer than its time limit and was stopped.`, {
      cause: reason,
    });
  }
  return new ApiError('aborted', `${label} was cancelled.`);
}

/** The agent for this request, and the proxy it goes through (if any). */
async function routeFor(opts: HttpSendOptions): Promise<Partial<AgentRoute>> {
  const agents = opts.agents;
  if (agents === undefined) return {};
  if ('route' in agents) return agents.route(opts.url);
  return { agent: opts.url.protocol === 'https:' ? agents.https : agents.http };
}

export async function httpSend(opts: HttpSendOptions): Promise<HttpResponse> {
  const expectContinue =
    opts.expectContinue ?? (opts.body !== undefined && opts.body.length >= EXPECT_CONTINUE_MIN_BYTES);
  const route = await routeFor(opts);
  const res = await sendOnce(opts, expectContinue, route);
  // 417: something on the way does not do Expect; nothing of the body was sent, so send it plainly.
  if (expectContinue && res.status === 417) return sendOnce(opts, false, route);
  return res;
}

/** Sent by the tunnel agent once the proxy has answered CONNECT. */
interface ProxyConnectEvent {
  statusCode?: number;
  statusText?: string;
}

function sendOnce(
  opts: HttpSendOptions,
  expectContinue: boolean,
  route: Partial<AgentRoute>,
): Promise<HttpResponse> {
  const { url, body, signal, label } = opts;
  const host = url.host;
  const proxy = route.proxy ?? null;
  const via = proxy === null ? '' : ` through the proxy ${proxy.name}`;
  const checkConnection =
    proxy === null ? 'Check your connection' : `Check your connection and the proxy address ${proxy.origin}`;
  const idleMs = opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const responseMs = opts.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  if (signal?.aborted) return Promise.reject(abortError(signal, label));

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let phase: SendPhase = 'connecting';
    let bodySent = body === undefined;
    let responded = false;
    // Until the proxy has said yes to CONNECT, a failure is about the proxy, not the API.
    let tunnelOpen = proxy === null;
    let timer: NodeJS.Timeout | undefined;
    // Set once the request is out (or the answer came early): from then on one fixed deadline.
    let deadlineSet = false;

    const headers: Record<string, string> = { ...opts.headers };
    if (body) {
      headers['Content-Type'] = body.contentType;
      headers['Content-Length'] = String(body.length);
      if (expectContinue) headers['Expect'] = '100-continue';
    }
    const isHttps = url.protocol === 'https:';
    const req = (isHttps ? httpsModule() : http).request(url, {
      method: opts.method,
      headers,
      agent: route.agent,
    });

    const settle = (err: Error | undefined, res?: HttpResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) {
        // A half-sent or unanswered request must not go back to the keep-alive pool, and a tunnel
        // still waiting for the proxy's answer must not outlive it.
        req.destroy();
        route.abandon?.(req);
        reject(err);
      } else if (res) {
        resolve(res);
      }
    };
    const onAbort = (): void => settle(abortError(signal, label));
    signal?.addEventListener('abort', onAbort, { once: true });

    let armedAt = 0;
    const arm = (ms: number, makeError: () => ApiError): void => {
      clearTimeout(timer);
      armedAt = performance.now();
      timer = setTimeout(() => {
        // Due long ago: this process was not running (Ctrl-Z, a frozen event loop), so the
        // connection had no chance to move. That is no stall; give it a full period again.
        if (performance.now() - armedAt - ms > Math.max(1000, ms / 4)) restart();
        else settle(makeError());
      }, ms);
    };
    const restart = (): void => {
      armedAt = performance.now();
      timer?.refresh();
    };
    const idleError = (): ApiError =>
      new ApiError(
        'timeout',
        phase === 'connecting'
          ? `${label} could not connect to ${host}${via} within ${formatMs(idleMs)}. ${checkConnection} and try again.`
          : `${label} stalled: no data could be sent to ${host} for ${formatMs(idleMs)}. Check your connection and try again.`,
      );
    const responseError = (): ApiError =>
      responded
        ? answerTooSlowError(label, host, opts.method, responseMs)
        : new ApiError(
            'timeout',
            `${host} did not answer within ${formatMs(responseMs)} after the request was sent. It may still be processing; check before retrying.`,
          );
    const startDeadline = (): void => {
      if (deadlineSet) return;
      deadlineSet = true;
      arm(responseMs, responseError);
    };
    // The idle clock covers connecting and sending; it restarts whenever a chunk goes out.
    arm(idleMs, idleError);

    req.on('socket', (socket) => {
      if (!socket.connecting) phase = 'sending';
      else socket.once('connect', () => (phase = phase === 'connecting' ? 'sending' : phase));
    });
    req.on('proxyConnect', (connect: ProxyConnectEvent) => {
      if (proxy === null) return;
      if (connect.statusCode === 200) {
        tunnelOpen = true;
        return;
      }
      // The agent would replay the refusal as if the API had sent it; it is the proxy's answer.
      settle(proxyRefusedError(proxy, host, connect.statusCode ?? 0, connect.statusText ?? ''));
    });
    req.on('error', (err) => {
      // After the answer has started, socket trouble surfaces on the response instead.
      if (responded) return;
      settle(
        proxy !== null && !tunnelOpen ? proxyConnectError(err, proxy, host) : networkError(err, host, phase),
      );
    });
    req.on('finish', () => {
      // Everything is handed to the OS; from now on only the answer can be late.
      phase = 'waiting';
      startDeadline();
    });

    req.on('response', (res) => {
      responded = true;
      phase = 'waiting';
      // Usually already running since 'finish'; an early answer (a 401 mid-body) starts it here.
      // Arriving data never extends it: a byte a second would otherwise hold the request forever.
      startDeadline();
      const parts: Buffer[] = [];
      let kept = 0;
      const tooLarge = (): ApiError => answerTooLargeError(label, host, opts.method, Buffer.concat(parts));
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        if (kept + chunk.length > MAX_RESPONSE_BYTES) {
          settle(tooLarge());
          return;
        }
        parts.push(chunk);
        kept += chunk.length;
      });
      res.on('error', (err) => settle(networkError(err, host, 'waiting')));
      res.on('aborted', () =>
        settle(
          new ApiError(
            'network',
            `The connection to ${host} closed before the answer was complete. Try again.`,
          ),
        ),
      );
      res.on('end', () => {
        // The server answered before taking the whole body (e.g. a 401): the connection is
        // mid-request, so it cannot be reused.
        if (!bodySent) req.destroy();
        settle(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(parts).toString('utf8'),
        });
      });
      // Announced too big: refused before a byte of it is read.
      if (Number(res.headers['content-length']) > MAX_RESPONSE_BYTES) settle(tooLarge());
    });

    const stopped = (): boolean => settled || responded;
    const pump = async (): Promise<void> => {
      if (!body) {
        req.end();
        return;
      }
      if (expectContinue) {
        req.flushHeaders();
        // The wait is our choice and bounded, so it does not count as the upload stalling.
        clearTimeout(timer);
        await firstEvent(req, ['continue', 'response', 'close'], CONTINUE_WAIT_MS);
        if (stopped()) return;
        arm(idleMs, idleError);
      }
      const meter = createProgressMeter(body.length);
      const pace = createWritePace();
      let sent = 0;
      for await (const chunk of body.chunks()) {
        if (stopped()) return; // leaving the loop closes the producer (and its file)
        if (chunk.length === 0) continue;
        if (sent + chunk.length > body.length) {
          throw new ApiError(
            'local-file',
            `${label} produced more data than announced; nothing was stored. Try again.`,
          );
        }
        for (let offset = 0; offset < chunk.length;) {
          const piece = chunk.subarray(offset, offset + pace.size);
          const startedAt = performance.now();
          await written(req, piece);
          if (stopped()) return;
          pace.took(performance.now() - startedAt);
          offset += piece.length;
          sent += piece.length;
          restart();
          opts.onProgress?.(meter.update(sent));
        }
      }
      if (stopped()) return;
      if (body.length === 0) opts.onProgress?.(meter.update(0));
      if (sent !== body.length) {
        throw new ApiError(
          'local-file',
          `${label} produced less data than announced; nothing was stored. Try again.`,
        );
      }
      bodySent = true;
      req.end();
    };
    pump().catch((err: unknown) => {
      // Once an answer is in, it says more than a failure on our side of the unfinished body.
      if (responded) return;
      settle(err instanceof Error ? err : new Error(String(err)));
    });
  });
}
