// A TCP pass-through on 127.0.0.1 that slows what the client sends to a set rate per connection, like a
// home uplink. Uploads through it take long enough for a test (or a screenshot) to watch them progress.
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ThrottleProxy {
  /** 'http://127.0.0.1:PORT': use as the upload host. */
  url: string;
  /** Bytes per second per connection for what the client sends; null: no limit. */
  setRate(bytesPerSecond: number | null): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(
  target: string,
  bytesPerSecond: number | null,
): Promise<ThrottleProxy> {
  const { hostname, port } = new URL(target);
  let rate = bytesPerSecond;
  const sockets = new Set<Socket>();
  const waiting = new Set<() => void>();

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client);
    sockets.add(upstream);
    const forget = (): void => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget);
    upstream.on('close', forget);
    client.on('error', forget);
    upstream.on('error', forget);
    upstream.pipe(client);
    // Each chunk is passed on, then reading pauses for as long as that chunk "took" at the set rate.
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (rate === null) return;
      client.pause();
      const resume = (): void => {
        waiting.delete(resume);
        clearTimeout(timer);
        if (!client.destroyed) client.resume();
      };
      const timer = setTimeout(resume, (chunk.length / rate) * 1000);
      waiting.add(resume);
    });
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setRate(next) {
      rate = next;
      // Lifting the limit frees connections that are waiting out a pause now.
      if (next === null) for (const resume of [...waiting]) resume();
    },
    close: () =>
      new Promise<void>((done) => {
        for (const resume of [...waiting]) resume();
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
