// A real HTTP proxy (the `proxy` package: CONNECT tunnels and plain forwarding) on a loopback port,
// recording what went through it, so a test can tell "through the proxy" from "direct".
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxy } from 'proxy';

export interface TestProxy {
  /** http://127.0.0.1:PORT, without credentials. */
  url: string;
  port: number;
  /** Targets of every CONNECT the proxy was asked for ("127.0.0.1:4567"), accepted or not. */
  connects: string[];
  /** Plain (non-CONNECT) requests forwarded. */
  forwarded: string[];
  /** TCP connections the proxy accepted. */
  connections(): number;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** Require these Basic credentials (407 otherwise). */
  credentials?: { user: string; password: string };
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const server = createProxy(createServer());
  const { credentials } = options;
  if (credentials !== undefined) {
    const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  const connects: string[] = [];
  const forwarded: string[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connect', (req: { url?: string }) => connects.push(req.url ?? ''));
  server.on('request', (req: { url?: string }) => forwarded.push(req.url ?? ''));
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    forwarded,
    connections: () => accepted,
    close() {
      // Tunnels are detached from the HTTP server, so they are ended here rather than by close().
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
