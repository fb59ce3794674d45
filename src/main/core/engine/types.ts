// The engine's public shapes: one object the app's main process and the CLI both open.
import type { ApiEndpoints, ProxyConfig } from '../api';
import type { KieDropDb } from '../db';
import type { HistoryStore } from '../history';
import type { LocationPolicy } from '../images/location-gate';
import type { QueueEvents, QueueHooks, UploadQueue } from '../queue';

export type EngineEvents = QueueEvents;

export interface EngineOptions {
  /** Holds kiedrop.db. */
  dataDir: string;
  endpoints: ApiEndpoints;
  /** Read for each attempt, so a newly saved key is picked up. */
  getApiKey: () => Promise<string | null>;
  now?: () => number;
  /** Default 3. */
  concurrency?: number;
  /** Default 6 h. */
  expiringSoonMs?: number;
  /** The "Links last" setting in hours, read at each use; null or absent: learned, else 3 days. */
  linkLifetimeHours?: () => number | null;
  /** Defaults 8, 1000, 300_000. */
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Default 30_000: no byte sent for this long → abort + retry. */
  stallTimeoutMs?: number;
  /** Default 5 min: the server's whole answer must arrive within this long after the request was sent. */
  responseTimeoutMs?: number;
  /** Default 100 → ≤ 10 progress events/s per job. */
  progressIntervalMs?: number;
  /** Default: 8 random lowercase base32 chars. */
  uniqueSegment?: () => string;
  userAgent?: string;
  /** How every API client the engine makes connects. Default: no proxy. */
  proxy?: ProxyConfig;
  /** How long a claimed job stays leased without renewal (renewed every third of it). Default 60 s. */
  leaseMs?: number;
  /** Test seam: runs between the server's answer and the history write. */
  hooks?: QueueHooks;
  /** Pictures with a GPS position that nothing strips: asked about, stripped or kept. None: kept. */
  location?: LocationPolicy;
}

export interface Engine {
  db: KieDropDb;
  history: HistoryStore;
  queue: UploadQueue;
  on<E extends keyof EngineEvents>(event: E, listener: EngineEvents[E]): () => void;
  close(): Promise<void>;
}
