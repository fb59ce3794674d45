// The queue's public shapes: plain data, so snapshots can cross IPC to the window unchanged.
import type { HistoryEntry } from '../history';

export type JobStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';
export type JobSource = 'manual' | 'watch' | 'share' | 'clipboard' | 'url' | 'cli';
export type JobMethod = 'stream' | 'base64' | 'url';
/** waiting: queued and due; retrying: queued after a failure, waiting for its backoff;
 * sending: body bytes going out; processing: last byte sent, waiting for the server's answer. */
export type JobPhase = 'waiting' | 'sending' | 'processing' | 'retrying';

export interface JobProgress {
  sent: number;
  total: number;
  /** Bytes per second, smoothed. */
  rate: number;
  etaMs: number | null;
  percent: number;
}

export interface JobSnapshot {
  id: number;
  status: JobStatus;
  phase: JobPhase | null;
  source: JobSource;
  method: JobMethod;
  localPath: string | null;
  sourceUrl: string | null;
  uploadPath: string;
  fileName: string;
  location: string;
  size: number | null;
  attempts: number;
  nextAttemptAt: number | null;
  errorKind: string | null;
  lastError: string | null;
  notice: string | null;
  renewOf: number | null;
  batchId: string | null;
  historyId: number | null;
  progress: JobProgress | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface EnqueueOptions {
  source: JobSource;
  method?: 'stream' | 'base64';
  uploadPath: string;
  fileName?: string;
  overwrite?: boolean;
  batchId?: string;
}

export interface PauseInfo {
  reason: 'auth' | 'user';
  message: string;
}

export interface QueueEvents {
  job: (job: JobSnapshot) => void;
  progress: (job: JobSnapshot) => void;
  history: (change: { added?: HistoryEntry; removed?: number; replaced?: number }) => void;
  paused: (info: PauseInfo) => void;
  resumed: () => void;
  idle: () => void;
}

export type EmitFn = <E extends keyof QueueEvents>(event: E, ...args: Parameters<QueueEvents[E]>) => void;

export interface UploadQueue {
  enqueueFiles(paths: string[], opts: EnqueueOptions): Promise<JobSnapshot[]>;
  enqueueUrl(url: string, opts: Omit<EnqueueOptions, 'method'>): Promise<JobSnapshot>;
  start(): void;
  stop(): Promise<void>;
  runUntilIdle(filter?: { batchId?: string }): Promise<JobSnapshot[]>;
  pause(): void;
  resume(): void;
  readonly paused: PauseInfo | null;
  keyChanged(): void;
  cancel(id: number): boolean;
  cancelAll(): number;
  retryFailed(ids?: number[]): number;
  get(id: number): JobSnapshot | undefined;
  list(q?: { status?: JobStatus | JobStatus[]; batchId?: string; limit?: number }): JobSnapshot[];
  unfinishedCount(): number;
  recoverAbandoned(): number;
  /** `batchId` lets a caller run just this renewal with runUntilIdle({ batchId }). */
  renew(historyId: number, opts?: { batchId?: string }): Promise<JobSnapshot>;
}
