// Handing complete files to the upload queue, exactly once: each version is first claimed in the ledger
// (in one transaction with the decision, so two watchers of one folder cannot both claim it), then the
// batch is queued, then the job ids are recorded. reconcile.ts repairs a crash between those steps.
import { basename } from 'node:path';
import { validateFileName } from '../api';
import type { KieDropDb } from '../db';
import { toDatabaseError } from '../db';
import { folderImageOptions } from '../images/folder-image-options';
import type { FolderImageChoices, ImageSettings } from '../images/folder-image-options';
import type { UploadQueue } from '../queue';
import { decideUpload, failedJobToRetry } from './ledger-decision';
import type { LedgerStore } from './ledger-store';
import type { FileSignature } from './stability-tracker';
import type { WatchProblemCode } from './watch-messages';

export interface Candidate {
  relativePath: string;
  signature: FileSignature;
}

export interface HandoverDeps {
  queue: Pick<UploadQueue, 'enqueueFiles' | 'retryFailed'>;
  db: KieDropDb;
  ledger: LedgerStore;
  /** 'host:pid:instance', written on the claims so reconcile can tell a live claim from an abandoned one. */
  owner: string;
  now: () => number;
  /** Claims being queued right now; reconcile leaves these alone. */
  reserving: Set<number>;
  /** Settings' picture processing as it is now (a folder that follows Settings uses it). */
  imageSettings: () => ImageSettings;
}

export interface HandoverFolder {
  id: number;
  uploadPath: string;
  /** The folder's own name, for {folder}, and its naming templates ('' = none). */
  name: string;
  nameTemplate: string;
  pathTemplate: string;
  uploadChanged: boolean;
  /** What is done to its pictures before they are sent, over Settings'. */
  images: FolderImageChoices;
  absolutePath(relativePath: string): string;
}

export type HandoverOutcome =
  | { kind: 'queued'; candidate: Candidate; jobId: number }
  /** This file cannot be uploaded (a name the service refuses, say); the message says why. */
  | { kind: 'refused'; candidate: Candidate; message: string; coded: WatchProblemCode }
  /** The database was busy or full: nothing was lost, look at the file again later. */
  | { kind: 'retry'; candidate: Candidate; message: string; coded: WatchProblemCode | null };

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Files the ledger says not to upload produce no outcome at all. */
export async function handOver(
  deps: HandoverDeps,
  folder: HandoverFolder,
  items: readonly Candidate[],
): Promise<HandoverOutcome[]> {
  const outcomes: HandoverOutcome[] = [];
  const named = items.filter((candidate) => {
    try {
      validateFileName(basename(candidate.relativePath));
      return true;
    } catch (err) {
      const path = folder.absolutePath(candidate.relativePath);
      const reason = messageOf(err);
      outcomes.push({
        kind: 'refused',
        candidate,
        message: `${path} cannot be uploaded: ${reason}`,
        coded: { code: 'watch.refused', params: { path, reason } },
      });
      return false;
    }
  });
  let claimed: (Candidate & { ledgerId: number })[];
  const retries: (Candidate & { jobId: number })[] = [];
  try {
    claimed = deps.db.transaction(() =>
      named.flatMap((candidate) => {
        const versions = deps.ledger.versions(folder.id, candidate.relativePath);
        const failedJob = failedJobToRetry(versions, candidate.signature, folder.uploadChanged);
        if (failedJob !== null) {
          retries.push({ ...candidate, jobId: failedJob });
          return [];
        }
        if (decideUpload(versions, candidate.signature, folder.uploadChanged).action !== 'upload') return [];
        const ledgerId = deps.ledger.reserve(
          folder.id,
          candidate.relativePath,
          candidate.signature,
          deps.owner,
          deps.now(),
        );
        return ledgerId === null ? [] : [{ ...candidate, ledgerId }];
      }),
    );
  } catch (err) {
    return [...outcomes, ...failed(named, err, folder)];
  }
  outcomes.push(...retryFailedJobs(deps, folder, retries));
  if (claimed.length === 0) return outcomes;
  for (const c of claimed) deps.reserving.add(c.ledgerId);
  try {
    return [...outcomes, ...(await queueClaimed(deps, folder, claimed))];
  } finally {
    for (const c of claimed) deps.reserving.delete(c.ledgerId);
  }
}

async function queueClaimed(
  deps: HandoverDeps,
  folder: HandoverFolder,
  claimed: (Candidate & { ledgerId: number })[],
): Promise<HandoverOutcome[]> {
  let jobs: { id: number }[];
  const image = folderImageOptions(deps.imageSettings(), folder.images);
  try {
    jobs = await deps.queue.enqueueFiles(
      claimed.map((c) => folder.absolutePath(c.relativePath)),
      {
        source: 'watch',
        uploadPath: folder.uploadPath,
        nameTemplate: folder.nameTemplate,
        pathTemplate: folder.pathTemplate,
        folder: folder.name,
        ...(image === undefined ? {} : { image }),
      },
    );
  } catch (err) {
    // Nothing was queued (the batch is one transaction): give the claims back so the files are
    // considered again.
    for (const c of claimed) {
      try {
        deps.ledger.release(c.ledgerId);
      } catch {
        // Left as a claim without a job: the next reconcile drops it and looks again.
      }
    }
    // One bad file must not hold back the others: try them one by one to find it.
    if (claimed.length > 1 && toDatabaseError(err) === null) {
      const each: HandoverOutcome[] = [];
      for (const c of claimed) each.push(...(await handOver(deps, folder, [c])));
      return each;
    }
    return failed(claimed, err, folder);
  }
  try {
    deps.db.transaction(() =>
      jobs.forEach((job, i) => {
        const c = claimed[i];
        if (c !== undefined) deps.ledger.attachJob(c.ledgerId, job.id);
      }),
    );
  } catch {
    // The jobs exist; the next reconcile finds them by path and attaches them.
  }
  return jobs.flatMap((job, i) => {
    const candidate = claimed[i];
    return candidate === undefined ? [] : [{ kind: 'queued' as const, candidate, jobId: job.id }];
  });
}

/** Sends a failed version's own job again; one retried meanwhile (by the person, or the other process) is left be. */
function retryFailedJobs(
  deps: HandoverDeps,
  folder: HandoverFolder,
  retries: readonly (Candidate & { jobId: number })[],
): HandoverOutcome[] {
  return retries.flatMap(({ jobId, ...candidate }): HandoverOutcome[] => {
    try {
      return deps.queue.retryFailed([jobId]) > 0 ? [{ kind: 'queued', candidate, jobId }] : [];
    } catch (err) {
      return failed([candidate], err, folder);
    }
  });
}

function failed(items: readonly Candidate[], err: unknown, folder: HandoverFolder): HandoverOutcome[] {
  const message = messageOf(err);
  const db = toDatabaseError(err);
  return items.map((candidate): HandoverOutcome => {
    if (db !== null)
      return { kind: 'retry', candidate, message, coded: { code: `db.${db.kind}`, params: {} } };
    const path = folder.absolutePath(candidate.relativePath);
    return {
      kind: 'refused',
      candidate,
      message: `${path}: ${message}`,
      coded: { code: 'watch.refused', params: { path, reason: message } },
    };
  });
}
