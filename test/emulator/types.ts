// The emulator's public contract. Tests, benchmarks and the CLI code against these shapes.
import type { LinkBehaviour } from './storage';

export type { LinkBehaviour } from './storage';

export interface EmulatorOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Accepted bearer keys; default [DEFAULT_TEST_KEY]. */
  apiKeys?: string[];
  /** Where uploaded files are written; default: a fresh temp dir removed on close(). */
  storageDir?: string;
  /** Injectable clock (ms since epoch); default: an internal controllable clock starting at Date.now(). */
  now?: () => number;
  /** URL upload download timeout, default 30_000. */
  urlFetchTimeoutMs?: number;
  /** URL upload size limit, default 100 * 1024 * 1024. */
  urlMaxBytes?: number;
  /** Balance reported by the credits endpoint, default 100. */
  credits?: number;
  /** Seed for the PRNG behind probabilistic faults that carry no seed of their own; default 1. */
  seed?: number;
  /** How long files live (default 3 days), whether an overwrite restarts that clock (default yes), and how
   * long the link keeps serving the old bytes after an overwrite (default 0). Changeable with setLinkBehaviour. */
  links?: Partial<LinkBehaviour>;
  /** Called once per finished request (after its log entry is complete); the CLI prints these. */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface Emulator {
  /** 'http://127.0.0.1:PORT': serves both the upload host and the credits host routes. */
  url: string;
  /** The first accepted key. */
  apiKey: string;
  storageDir: string;
  /** Moving the clock runs the expiry sweep. */
  clock: { now(): number; advance(ms: number): void; set(ms: number): void };
  /** Every request except /__emulator/ control calls, oldest first. */
  log: RequestLogEntry[];
  faults: FaultController;
  setCredits(n: number): void;
  setApiKeys(keys: string[]): void;
  /** Turns the link knobs; unnamed ones keep their value. Returns the whole behaviour now in force. */
  setLinkBehaviour(change: Partial<LinkBehaviour>): LinkBehaviour;
  /** The filePath the emulator answers for an upload: `kieai/<account of key>/<uploadPath>/<fileName>`. */
  filePathFor(uploadPath: string, fileName: string, apiKey?: string): string;
  /** The downloadUrl for a filePath. */
  downloadUrlFor(filePath: string): string;
  /** Absolute disk path of a stored, unexpired file, by its API filePath. */
  storedFile(filePath: string): string | undefined;
  /** Deletes files whose lifetime has run out by the clock; returns how many. */
  sweepExpired(): number;
  close(): Promise<void>;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** 0 while in flight, or when no response was sent (client went away, or a reset fault). */
  status: number;
  /** By the emulator's clock. */
  startedAt: number;
  durationMs: number;
  /** Request body bytes received. */
  bodyBytes: number;
  /** The Content-Length header as sent, if any. */
  contentLength?: number;
  /** Non-file form fields / JSON fields (base64Data replaced by its length, e.g. '<1234 chars>'). */
  fields: Record<string, string>;
  /** Never the key itself. */
  authorization: 'missing' | 'valid' | 'invalid';
  /** Which fault was applied, if any, e.g. 'status 503' or 'latency 200ms'. */
  fault?: string;
}

export interface Fault {
  /** Match the request path exactly (string) or by pattern (RegExp). Default: any /api/ route. */
  path?: string | RegExp;
  method?: string;
  /** Apply to the next N matching requests (default: unlimited until cleared). */
  times?: number;
  /** 0..1 chance per matching request (default 1). */
  probability?: number;
  /** Seed for this fault's own PRNG, so `probability` rolls are reproducible. */
  seed?: number;
  /** Wait before answering (after reading the body). */
  latencyMs?: number;
  /** Force this HTTP status with the documented error body {success:false, code, msg}. */
  status?: number;
  /** Message for the forced status. */
  msg?: string;
  /** Retry-After header value for the forced status. */
  retryAfter?: string;
  /** Destroy the socket after receiving this many body bytes (or at the body's end if it is shorter). */
  resetAfterBytes?: number;
  /** Send the response body slowly over this long (headers first, then dribble). */
  slowResponseMs?: number;
  /** Answer 200 with this raw text instead of the JSON result. */
  malformedBody?: string;
  /** Send the response body one byte at a time, this many ms apart (headers first, with the true
   * Content-Length). With `endlessBody`: the pace of the endless body. */
  byteIntervalMs?: number;
  /** After the headers (200, or `status`), a body that never ends: chunked, no Content-Length, as fast
   * as the client reads it, or one byte every `byteIntervalMs`. The route's work is done first. */
  endlessBody?: boolean;
}

export interface FaultController {
  add(f: Fault): void;
  clear(): void;
}
