// One API request: its log entry, its (lazily read) body, and the one way to answer it,
// which is where latency, slow-body, endless-body and malformed-body faults take effect.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault, RequestLogEntry } from './types';
import { errorBody } from './api-failure';
import { writePaced } from './paced-write';
import { writeBytewise, writeEndless } from './trickle-write';

export type ResponseBody =
  { kind: 'json'; value: unknown } | { kind: 'file'; diskPath: string; size: number; headOnly: boolean };

export class RequestContext {
  private body?: Readable;
  private finalized = false;
  private readonly startedHr = performance.now();

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly entry: RequestLogEntry,
    readonly fault: Fault | undefined,
    private readonly expectsContinue: boolean,
    private readonly onFinished: (entry: RequestLogEntry) => void,
  ) {
    // Errors on a dropped connection are expected here; the 'close' handler records them.
    req.on('error', () => {});
    res.on('error', () => {});
    res.on('close', () => this.finalize(0));
  }

  /** The request body, counted into the log; asks a client waiting on Expect: 100-continue to send it. */
  bodyStream(): Readable {
    if (this.body) return this.body;
    if (this.expectsContinue) this.res.writeContinue();
    const entry = this.entry;
    const limit = this.fault?.resetAfterBytes;
    const socket = this.req.socket;
    // RST rather than FIN, so the client sees a reset; the body stream fails so readers stop waiting.
    const reset = (stream: Transform) => {
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
      stream.destroy(new Error(`connection reset by a fault after ${entry.bodyBytes} body bytes`));
    };
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        entry.bodyBytes += chunk.length;
        if (limit !== undefined && entry.bodyBytes >= limit) return reset(this);
        done(null, chunk);
      },
      flush(done) {
        // A body shorter than the fault's byte count is reset once it has fully arrived.
        if (limit !== undefined) return reset(this);
        done();
      },
    });
    pipeline(this.req, counter).catch((err: unknown) => counter.destroy(err as Error));
    this.body = counter;
    return counter;
  }

  async drainBody(): Promise<void> {
    await pipeline(this.bodyStream(), new Writable({ write: (_c, _e, done) => done() }));
  }

  /** Lets the unread rest of a body flow away, so an early error reply does not stall the client. */
  discardRestOfBody(): void {
    if (this.body && !this.body.readableEnded) this.body.resume();
  }

  get gone(): boolean {
    return this.res.destroyed || this.req.socket.destroyed;
  }

  sendError(status: number, msg: string, headers: Record<string, string> = {}): Promise<void> {
    return this.send(status, { kind: 'json', value: errorBody(status, msg) }, headers);
  }

  sendJson(status: number, value: unknown): Promise<void> {
    return this.send(status, { kind: 'json', value });
  }

  async send(status: number, body: ResponseBody, headers: Record<string, string> = {}): Promise<void> {
    const fault = this.fault;
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (this.gone || this.res.headersSent) return;

    let payload: { data: Buffer } | { file: string; size: number; headOnly: boolean };
    let contentType: string;
    if (fault?.malformedBody !== undefined) {
      // A proxy error page or a truncated reply: the client must not trust Content-Type blindly.
      status = fault.status ?? 200;
      payload = { data: Buffer.from(fault.malformedBody) };
      contentType = 'application/json';
    } else if (body.kind === 'json') {
      payload = { data: Buffer.from(JSON.stringify(body.value)) };
      contentType = 'application/json';
    } else {
      payload = { file: body.diskPath, size: body.size, headOnly: body.headOnly };
      contentType = headers['Content-Type'] ?? 'application/octet-stream';
    }
    const size = 'data' in payload ? payload.data.length : payload.size;
    // Answering a 100-continue request without reading its body: close, or the body the client may
    // still send would be read as the next request.
    if (this.expectsContinue && !this.body) headers = { ...headers, Connection: 'close' };
    this.finalize(status);
    if (fault?.endlessBody) {
      // No Content-Length: the body is chunked and never ends.
      this.res.writeHead(status, { ...headers, 'Content-Type': contentType });
      await writeEndless(this.res, fault.byteIntervalMs);
      return;
    }
    this.res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(size) });

    const headOnly = 'file' in payload && payload.headOnly;
    if (headOnly || this.req.method === 'HEAD') {
      this.res.end();
      return;
    }
    const source = 'data' in payload ? Readable.from([payload.data]) : createReadStream(payload.file);
    try {
      if (fault?.byteIntervalMs && 'data' in payload) {
        await writeBytewise(this.res, payload.data, fault.byteIntervalMs);
      } else if (fault?.slowResponseMs) await writePaced(this.res, source, size, fault.slowResponseMs);
      else await pipeline(source, this.res);
    } catch {
      // The client went away mid-response; the log already holds the status that was sent.
    }
  }

  /** Completes the log entry exactly once: with the status sent, or 0 when no response went out. */
  private finalize(status: number): void {
    if (this.finalized) return;
    this.finalized = true;
    this.entry.status = status;
    this.entry.durationMs = Math.round((performance.now() - this.startedHr) * 100) / 100;
    this.onFinished(this.entry);
  }
}
