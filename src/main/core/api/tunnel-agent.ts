// The agent for requests through a proxy: every target goes through CONNECT. Its own module, loaded only
// when a proxy is used (see proxy-agent.ts).
import type http from 'node:http';
import type { Socket } from 'node:net';
import { HttpsProxyAgent } from 'https-proxy-agent';

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/** A tunnel agent whose pending CONNECTs can be given up. Until the proxy answers CONNECT, the
 * request has no socket yet, so destroying it leaves the connection to the proxy open (and the
 * process alive, waiting on a proxy that never answers). */
export class TunnelAgent extends HttpsProxyAgent<string> {
  private readonly pending = new WeakMap<http.ClientRequest, AbortController>();

  override async connect(req: http.ClientRequest, opts: ConnectOptions): Promise<Socket> {
    // Given up before the agent got to it: open nothing.
    if (req.destroyed) throw new Error('The request was given up before connecting to the proxy.');
    const controller = new AbortController();
    const shared = this.connectOpts;
    // The library opens its socket to the proxy synchronously from connectOpts, so a signal lent for
    // exactly that call reaches this request's socket and no other.
    this.connectOpts = { ...shared, signal: controller.signal };
    let connecting: Promise<Socket>;
    try {
      connecting = super.connect(req, opts);
    } finally {
      this.connectOpts = shared;
    }
    this.pending.set(req, controller);
    try {
      return await connecting;
    } finally {
      this.pending.delete(req);
    }
  }

  abandon(req: http.ClientRequest): void {
    this.pending.get(req)?.abort();
  }
}
