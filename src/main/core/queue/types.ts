// The queue's public shapes: plain data, so snapshots can cross IPC to the window unchanged.
import type { HistoryEntry } from '../history';
import type { ImageOptions } from '../images/types';

// The job shapes are shared with the window, so they are defined once in src/shared/domain.ts.
import type { JobSnapshot, JobSource, JobStatus, PauseInfo } from '../../../shared/domain';

export type {
  JobMethod,
  JobPhase,
  JobProgress,
  JobSnapshot,
  JobSource,
  JobStatus,
  PauseInfo,
} from '../../../shared/domain';

export interface EnqueueOptions {
  source: JobSource;
  method?: 'stream' | 'base64';
  uploadPath: string;
  fileName?: string;
  overwrite?: boolean;
  batchId?: string;
  /** Optimise pictures before sending (convert, shrink, strip metadata); absent: sent as they are. */
  image?: ImageOptions;
  /** Naming templates (see core/naming); ignored when fileName is given. Empty = the file's own name. */
  nameTemplate?: string;
  /** Replaces uploadPath for each file when set. */
  pathTemplate?: string;
  /** The watched folder's own name, for {folder}. */
  folder?: string;
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
  /** These jobs (those that still exist) in one query, by id. `finishedOnly`: just those done, failed or cancelled. */
  getMany(ids: readonly number[], opts?: { finishedOnly?: boolean }): JobSnapshot[];
  /** Queued and uploading jobs, of one batch when given. */
  unfinishedCount(batchId?: string): number;
  recoverAbandoned(): number;
  /** `batchId` lets a caller run just this renewal with runUntilIdle({ batchId }). */
  renew(historyId: number, opts?: { batchId?: string }): Promise<JobSnapshot>;
}
