// The request primitive against small real servers on loopback, for behaviour the emulator
// does not model: a peer that stops reading, connection reuse, and answers that come early.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSend } from '../../src/main/core/api/http-send';
import type { RequestBody } from '../../src/main/core/api/request-body';
import type { UploadProgress } from '../../src/main/core/api/types';
import { apiFailure } from '../support/failures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function listen(server: net.Server): Promise<URL> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`);
}

/** A body of `total` bytes in 1 MiB chunks (or `chunkBytes`) that records whether its producer was closed. */
function trackedBody(
  total: number,
  chunkBytes = 1024 * 1024,
): { body: RequestBody; state: { closed: boolean; produced: number } } {
  const state = { closed: false, produced: 0 };
  const chunk = randomBytes(chunkBytes);
  return {
    state,
    body: {
      contentType: 'application/octet-stream',
      length: total,
      async *chunks() {
        try {
          while (state.produced < total) {
            const n = Math.min(chunk.length, total - state.produced);
            state.produced += n;
            yield chunk.subarray(0, n);
          }
        } finally {
          state.closed = true;
        }
      },
    },
  };
}

describe('httpSend', () => {
  it('times out with kind "timeout" when the server stops reading the body, and closes the producer', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      socket.pause(); // accept, then never read: the kernel buffers fill and writes stall
      sockets.push(socket);
    });
    const url = await listen(server);
    cleanups.push(() => sockets.forEach((s) => s.destroy()));
    const { body, state } = trackedBody(256 * 1024 * 1024);
    const started = Date.now();
    const err = await apiFailure(
      httpSend({
        method: 'POST',
        url,
        headers: {},
        body,
        idleTimeoutMs: 400,
        label: 'The upload of "big.bin"',
      }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(
      /The upload of "big\.bin" stalled: no data could be sent to 127\.0\.0\.1:\d+ for 0\.4 s/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(state.produced).toBeLessThan(256 * 1024 * 1024);
    await expect.poll(() => state.closed).toBe(true);
  });

  it('times out waiting for an answer after the body was sent', async () => {
    const server = http.createServer((req) => {
      req.resume(); // read everything, never answer
    });
    const url = await listen(server);
    cleanups.push(() => server.closeAllConnections());
    const err = await apiFailure(
      httpSend({
        method: 'POST',
        url,
        headers: {},
        body: trackedBody(1000).body,
        responseTimeoutMs: 300,
        label: 'x',
      }),
    );
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 0\.3 s after the request was sent/);
  });

  it('reuses one keep-alive connection for consecutive requests, and not after a failure', async () => {
    let connections = 0;
    let fail = false;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (fail) {
          fail = false;
          res.destroy();
          return;
        }
        res.end('{"ok":true}');
      });
    });
    server.on('connection', () => connections++);
    const url = await listen(server);
    const agent = new http.Agent({ keepAlive: true });
    cleanups.push(() => agent.destroy());
    const send = () =>
      httpSend({
        method: 'POST',
        url,
        headers: {},
        body: trackedBody(10).body,
        agents: { http: agent },
        label: 'x',
      });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    expect(connections).toBe(1);
    fail = true;
    expect((await apiFailure(send())).kind).toBe('network');
    expect((await send()).text).toBe('{"ok":true}');
    expect(connections).toBe(2);
  });

  it('returns an early answer (e.g. 401 before the body is read) and stops sending', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"success":false,"code":401,"msg":"Authentication failed"}');
      req.socket.end();
    });
    const url = await listen(server);
    const { body, state } = trackedBody(512 * 1024 * 1024);
    const res = await httpSend({ method: 'POST', url, headers: {}, body, expectContinue: false, label: 'x' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Authentication failed');
    await expect.poll(() => state.closed).toBe(true);
    expect(state.produced).toBeLessThan(512 * 1024 * 1024);
  });

  it('asks Expect: 100-continue for big bodies, so a refusal costs no body bytes', async () => {
    let expectHeader: string | undefined;
    const server = http.createServer();
    server.on('checkContinue', (req, res) => {
      expectHeader = req.headers.expect;
      res.writeHead(401, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"success":false,"code":401,"msg":"Authentication failed"}');
    });
    const url = await listen(server);
    const { body, state } = trackedBody(64 * 1024 * 1024);
    const res = await httpSend({ method: 'POST', url, headers: {}, body, label: 'x' });
    expect(res.status).toBe(401);
    expect(expectHeader).toBe('100-continue');
    expect(state.produced).toBe(0);
  });

  it('sends the body anyway when the server ignores Expect, and again without it after a 417', async () => {
    let received = 0;
    let sawExpect = 0;
    const server = http.createServer((req, res) => {
      req.on('data', (c: Buffer) => (received += c.length));
      req.on('end', () => res.end('{}'));
    });
    server.on('checkContinue', (req, res) => {
      sawExpect++;
      if (sawExpect === 1) {
        res.writeHead(417).end(); // a proxy that refuses Expect
        return;
      }
      // then one that never answers 100: the client must not wait forever
      server.emit('request', req, res);
    });
    const url = await listen(server);
    const total = 2 * 1024 * 1024;
    const first = await httpSend({
      method: 'POST',
      url,
      headers: {},
      body: trackedBody(total).body,
      label: 'x',
    });
    expect(first.status).toBe(200);
    expect(received).toBe(total);
    expect(sawExpect).toBe(1);
    received = 0;
    const started = Date.now();
    const second = await httpSend({
      method: 'POST',
      url,
      headers: {},
      body: trackedBody(total).body,
      label: 'x',
    });
    expect(second.status).toBe(200);
    expect(received).toBe(total);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports progress as the body goes out, monotonic, ending exactly at the total', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    const url = await listen(server);
    const total = 5 * 1024 * 1024 + 123;
    const seen: UploadProgress[] = [];
    await httpSend({
      method: 'POST',
      url,
      headers: {},
      body: trackedBody(total).body,
      onProgress: (p) => seen.push(p),
      label: 'x',
    });
    expect(seen.length).toBeGreaterThanOrEqual(6); // at least once per 1 MiB
    expect(seen.at(-1)).toMatchObject({ sent: total, total });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.sent).toBeGreaterThan(seen[i - 1]!.sent);
    expect(seen.every((p) => p.rate >= 0 && Number.isFinite(p.rate))).toBe(true);
  });

  it('on a slow link, reports progress in steps of at most 1 MiB, smaller as the link slows', async () => {
    // The server takes about 2 MiB/s; the body comes in 4 MiB chunks, as a large file is read. Sent
    // chunk by chunk, progress would move in 4 MiB jumps, seconds apart.
    const bytesPerSecond = 2 * 1024 * 1024;
    const server = http.createServer((req, res) => {
      const started = performance.now();
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        const aheadMs = (received / bytesPerSecond) * 1000 - (performance.now() - started);
        if (aheadMs > 0) {
          req.pause();
          setTimeout(() => req.resume(), aheadMs);
        }
      });
      req.on('end', () => res.end('{}'));
    });
    const url = await listen(server);
    const total = 8 * 1024 * 1024;
    const seen: number[] = [];
    await httpSend({
      method: 'POST',
      url,
      headers: {},
      body: trackedBody(total, 4 * 1024 * 1024).body,
      onProgress: ({ sent }) => seen.push(sent),
      label: 'x',
    });
    expect(seen.at(-1)).toBe(total);
    const steps = seen.slice(1).map((sent, i) => sent - seen[i]!);
    expect(Math.max(...steps)).toBeLessThanOrEqual(1024 * 1024);
    // Once the socket buffers are full, a 1 MiB write takes longer than a quarter second here, so
    // the writes (and the steps) get smaller.
    expect(Math.min(...steps.slice(0, -1))).toBeLessThan(1024 * 1024);
  });

  it('refuses to send when the producer yields fewer bytes than announced', async () => {
    let received = 0;
    let completed = false;
    const server = http.createServer((req, res) => {
      req.on('data', (c: Buffer) => (received += c.length));
      req.on('end', () => {
        completed = true;
        res.end('{}');
      });
    });
    const url = await listen(server);
    const short: RequestBody = {
      contentType: 'text/plain',
      length: 100,
      async *chunks() {
        yield Buffer.alloc(60);
      },
    };
    const err = await apiFailure(
      httpSend({ method: 'POST', url, headers: {}, body: short, label: 'The upload of "a"' }),
    );
    expect(err.kind).toBe('local-file');
    expect(err.message).toMatch(/produced less data than announced/);
    await new Promise((r) => setTimeout(r, 100));
    expect(completed).toBe(false);
    expect(received).toBeLessThanOrEqual(60);
  });

  it('maps a refused connection to "network" naming the host', async () => {
    const server = net.createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    cleanups.pop();
    const err = await apiFailure(httpSend({ method: 'GET', url, headers: {}, label: 'x' }));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(`Could not connect to ${url.host}: connection refused`);
  });

  it('rejects at once with "aborted" when the signal is already aborted, without connecting', async () => {
    let connections = 0;
    const server = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    const url = await listen(server);
    const err = await apiFailure(
      httpSend({
        method: 'GET',
        url,
        headers: {},
        signal: AbortSignal.abort(),
        label: 'The credit balance check',
      }),
    );
    expect(err.kind).toBe('aborted');
    expect(err.message).toBe('The credit balance check was cancelled.');
    await new Promise((r) => setTimeout(r, 50));
    expect(connections).toBe(0);
  });

  it('turns an AbortSignal.timeout() into kind "timeout"', async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    const url = await listen(server);
    cleanups.push(() => server.closeAllConnections());
    const err = await apiFailure(
      httpSend({ method: 'GET', url, headers: {}, signal: AbortSignal.timeout(100), label: 'x' }),
    );
    expect(err.kind).toBe('timeout');
  });
});
