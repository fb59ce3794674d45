// One keep-alive pass over the pinned entries: each one whose expiry is within the lead time is uploaded
// again to exactly its own path and name, then the answer and the link are checked. The service's docs
// say an upload to the same uploadPath and fileName overwrites the file; whether that restarts its 3-day
// clock is not documented, so a pass also checks each kept-alive link once its old expiry has passed:
// a link that died then anyway means keep-alive does not work there, and it is turned off and said so.
import type { ApiClient, UploadResult } from '../api';
import type { KieDropDb } from '../db';
import { checkOne, type CheckOptions, type LinkProbe } from '../health';
import { LinkCheckStore } from '../health';
import type { HistoryEntry, HistoryStore } from '../history';
import { inspectFile } from '../queue/file-state';
import { CopyStore } from '../copies/copy-store';
import { fileSha256 } from '../copies/file-sha256';
import type { JobStore } from '../queue/job-store';
import { keepAliveSource, type KeepAliveSource } from './keepalive-source';
import { linkScope } from './link-scope';
import { PinStore, type KeepAliveOutcomeKind } from './pin-store';

export const DEFAULT_KEEPALIVE_LEAD_HOURS = 12;
/** Long enough for a large file's upload; a crashed process's lease lapses after this. */
export const KEEPALIVE_LEASE_MS = 30 * 60 * 1000;

export type KeepAliveRoute = KeepAliveSource['route'];

export interface KeepAliveOutcome {
  kind: KeepAliveOutcomeKind;
  historyId: number;
  fileName: string;
  downloadUrl: string;
  /** kept-alive: the new expiry; clock-not-restarted and missed: when the link died. */
  expiresAt?: string;
  keptAliveCount?: number;
  route?: KeepAliveRoute;
  /** url-changed: the entry now holding the new link (pinned in the old one's place). */
  newHistoryId?: number;
  newDownloadUrl?: string;
  /** clock-not-restarted and blocked: where keep-alive does not work. */
  scope?: string;
  /** failed: what went wrong, in English; `cause` is the error itself, for a stable code. */
  message?: string;
  cause?: unknown;
}

export interface KeepAliveReport {
  outcomes: KeepAliveOutcome[];
  /** Pinned links that had died before any pass got to them (the computer was off, KieDrop not running). */
  missed: number;
}

export interface KeepAliveDeps {
  db: KieDropDb;
  history: HistoryStore;
  jobs: Pick<JobStore, 'unfinishedAt'>;
  /** The API client for the key in use; called only when an upload is due. */
  client: () => Promise<ApiClient>;
  now: () => number;
  leadMs: number;
  /** 'host:pid:random' of this process. */
  owner: string;
  /** How links are checked (proxy, user agent); retries are shortened in tests. */
  check?: CheckOptions;
  leaseMs?: number;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function describeProbe(p: LinkProbe): string {
  return `${p.state} (${p.detail})`;
}

export async function runKeepAlivePass(deps: KeepAliveDeps): Promise<KeepAliveReport> {
  const pins = new PinStore(deps.db);
  const report: KeepAliveReport = { outcomes: [], missed: 0 };
  // The SQL compares stored expiries (the documented 3 days): links believed to die sooner
  // (links/lifetime.ts) are due that much sooner.
  const storedLeadMs = deps.leadMs + deps.history.expiryShiftMs();
  for (const id of pins.candidates(deps.now(), storedLeadMs)) {
    const leaseMs = deps.leaseMs ?? KEEPALIVE_LEASE_MS;
    if (!pins.claim(id, deps.owner, deps.now(), storedLeadMs, leaseMs)) continue;
    // A large file may take longer than the lease: keep it ours while we work, so nobody sends it twice.
    const renewal = setInterval(() => {
      try {
        pins.renewLease(id, deps.owner, deps.now() + leaseMs);
      } catch {
        // A busy database now: the next renewal, a third of the lease later, tries again.
      }
    }, leaseMs / 3);
    renewal.unref?.();
    try {
      // One entry's trouble (a file that cannot be read, a check that threw) does not stop the others.
      const outcome = await keepOne(deps, pins, id).catch((err: unknown) => unexpected(deps, id, err));
      if (outcome === null) continue;
      if (outcome.kind === 'missed') report.missed += 1;
      report.outcomes.push(outcome);
    } finally {
      clearInterval(renewal);
      pins.release(id, deps.owner);
    }
  }
  return report;
}

function unexpected(deps: KeepAliveDeps, id: number, err: unknown): KeepAliveOutcome | null {
  const entry = deps.history.get(id);
  if (entry === undefined) return null;
  return {
    ...base(entry),
    kind: 'failed',
    message: `Could not keep "${entry.fileName}" alive: ${errorText(err)}`,
    cause: err,
  };
}

function base(entry: HistoryEntry): Pick<KeepAliveOutcome, 'historyId' | 'fileName' | 'downloadUrl'> {
  return { historyId: entry.id, fileName: entry.fileName, downloadUrl: entry.downloadUrl };
}

async function probe(deps: KeepAliveDeps, entry: HistoryEntry): Promise<LinkProbe> {
  const result = await checkOne(entry.downloadUrl, deps.check ?? {});
  new LinkCheckStore(deps.db).record(entry.id, result, deps.now());
  return result;
}

/** Copies up to this size are hashed before a keep-alive sends them; larger ones are checked by size. */
const HASH_COPIES_UP_TO = 256 * 1024 * 1024;

/** A URL upload's kept copy as it is on disk now, with its hash, or null when there is none. */
async function keptCopy(db: KieDropDb, historyId: number) {
  const copy = new CopyStore(db).get(historyId);
  if (copy === undefined) return null;
  const state = await inspectFile(copy.path);
  if (state.kind !== 'file') return null;
  const sha256 = state.size <= HASH_COPIES_UP_TO ? await fileSha256(copy.path) : copy.sha256;
  return { path: copy.path, size: state.size, mtimeMs: state.mtimeMs, sha256, recordedSha256: copy.sha256 };
}

/** One claimed entry; null when there was nothing to say. */
async function keepOne(deps: KeepAliveDeps, pins: PinStore, id: number): Promise<KeepAliveOutcome | null> {
  let entry = deps.history.get(id);
  let pin = pins.get(id);
  if (entry === undefined || pin === undefined) return null;
  const scope = linkScope(entry, pin.location);

  // First, the check the last keep-alive left: did the overwrite restart the clock?
  if (pin.verifyAfter !== null && Date.parse(pin.verifyAfter) <= deps.now()) {
    const seen = await probe(deps, entry);
    // Gone once the expiry it was given has passed too says nothing about the overwrite: nothing ran in time.
    if (seen.state === 'gone' && Date.parse(entry.expiresAt) <= deps.now()) {
      pins.record(entry.id, 'missed', deps.now(), {
        detail: describeProbe(seen),
        verifyAfter: null,
        unpin: true,
      });
      return { ...base(entry), kind: 'missed', expiresAt: entry.expiresAt };
    }
    if (seen.state === 'gone') {
      const diedAt = Date.parse(pin.verifyAfter);
      const detail = `${entry.downloadUrl} was uploaded again before it expired, yet it was gone after its old expiry (${describeProbe(seen)})`;
      deps.db.transaction(() => {
        pins.block(scope, entry!.id, detail, deps.now());
        // Stored expiries are the documented 3 days; diedAt is a believed one (links/lifetime.ts).
        deps.history.moveExpiry(entry!.id, diedAt + deps.history.expiryShiftMs());
        pins.record(entry!.id, 'clock-not-restarted', deps.now(), { detail, verifyAfter: null, unpin: true });
      });
      return {
        ...base(entry),
        kind: 'clock-not-restarted',
        scope,
        expiresAt: new Date(diedAt).toISOString(),
      };
    }
    // Unreachable or no answer says nothing yet: the next pass looks again.
    if (seen.state !== 'alive') return null;
    pins.record(entry.id, 'kept-alive', deps.now(), { detail: pin.lastDetail, verifyAfter: null });
    entry = deps.history.get(id) ?? entry;
    pin = pins.get(id) ?? pin;
  }

  const expiresAt = Date.parse(entry.expiresAt);
  if (expiresAt - deps.leadMs > deps.now()) return null;

  if (pins.blocked(scope) !== undefined) {
    if (pin.lastOutcome === 'blocked') return null;
    pins.record(entry.id, 'blocked', deps.now(), { detail: scope });
    return { ...base(entry), kind: 'blocked', scope };
  }

  if (expiresAt <= deps.now()) {
    // Past the expiry KieDrop believed: only a link that still answers can be kept alive.
    const seen = await probe(deps, entry);
    if (seen.state !== 'alive') {
      pins.record(entry.id, 'missed', deps.now(), { detail: describeProbe(seen), unpin: true });
      return { ...base(entry), kind: 'missed', expiresAt: entry.expiresAt };
    }
  }

  // An upload to this name waiting in the queue would race with ours; it decides, the next pass looks again.
  if (deps.jobs.unfinishedAt(pin.location, entry.fileName) !== undefined) return null;

  const local = entry.localPath !== null ? await inspectFile(entry.localPath) : null;
  const source = keepAliveSource(entry, local, pin.followFile, await keptCopy(deps.db, entry.id));
  let result: UploadResult;
  try {
    const client = await deps.client();
    result =
      source.route === 'link'
        ? await client.urlUpload({ fileUrl: source.url, uploadPath: pin.location, fileName: entry.fileName })
        : await client.streamUpload({
            filePath: source.path,
            uploadPath: pin.location,
            fileName: entry.fileName,
          });
  } catch (err) {
    const message = `Could not keep "${entry.fileName}" alive: ${errorText(err)}`;
    pins.record(entry.id, 'failed', deps.now(), { detail: message });
    return { ...base(entry), kind: 'failed', route: source.route, message, cause: err };
  }

  if (result.downloadUrl !== entry.downloadUrl) return recordNewLink(deps, pins, entry, source, result);

  const seen = await probe(deps, entry);
  const sizeOk = result.fileSize === source.size;
  if (seen.state !== 'alive' || !sizeOk) {
    const why =
      seen.state !== 'alive'
        ? `the link answered ${describeProbe(seen)} right after the upload`
        : `the service stored ${result.fileSize} bytes, not the ${source.size} that were sent`;
    const message = `"${entry.fileName}" was uploaded again to its own link, but ${why}.`;
    pins.record(entry.id, 'failed', deps.now(), { detail: message });
    return { ...base(entry), kind: 'failed', route: source.route, message };
  }
  const newExpiry = Date.parse(result.expiresAt);
  const followed =
    source.route === 'followed-file' ? { size: source.size, mtimeMs: source.mtimeMs } : undefined;
  deps.db.transaction(() => {
    deps.history.moveExpiry(entry.id, newExpiry, followed);
    pins.record(entry.id, 'kept-alive', deps.now(), {
      detail: source.route,
      keptAlive: true,
      // Checked once the old expiry has passed: the link must still be there then.
      verifyAfter: expiresAt,
    });
  });
  return {
    ...base(entry),
    kind: 'kept-alive',
    route: source.route,
    // The believed expiry, as every other place shows it (the stored one is the documented 3 days).
    expiresAt: new Date(newExpiry - deps.history.expiryShiftMs()).toISOString(),
    keptAliveCount: pins.get(entry.id)?.keptAliveCount ?? pin.keptAliveCount + 1,
  };
}

/**
 * The service answered with another link for the same path and name. The old entry keeps its link and is
 * marked replaced by a new entry holding the new one, pointing back to it as a renewal does; the pin moves
 * to the new entry.
 */
function recordNewLink(
  deps: KeepAliveDeps,
  pins: PinStore,
  entry: HistoryEntry,
  source: KeepAliveSource,
  result: UploadResult,
): KeepAliveOutcome {
  const fromFile = source.route === 'local-file' || source.route === 'followed-file';
  const added = deps.db.transaction(() => {
    const inserted = deps.history.insert({
      jobId: null,
      localPath: entry.localPath,
      localMtimeMs: fromFile ? source.mtimeMs : entry.localMtimeMs,
      size: result.fileSize,
      method: fromFile ? 'stream' : 'url',
      source: entry.source,
      uploadPath: entry.uploadPath,
      fileName: result.fileName,
      filePath: result.filePath,
      downloadUrl: result.downloadUrl,
      mimeType: result.mimeType,
      uploadedAt: result.uploadedAt,
      expiresAt: result.expiresAt,
      renewOf: entry.id,
    });
    deps.history.markReplaced(entry.id, inserted.id);
    pins.moveTo(entry.id, inserted.id, deps.now());
    // The new link serves the same bytes, so a kept copy of them now belongs to it.
    new CopyStore(deps.db).moveTo(entry.id, inserted.id);
    pins.record(entry.id, 'url-changed', deps.now(), { detail: result.downloadUrl, unpin: true });
    pins.record(inserted.id, 'url-changed', deps.now(), { detail: entry.downloadUrl });
    return inserted;
  });
  return {
    ...base(entry),
    kind: 'url-changed',
    route: source.route,
    newHistoryId: added.id,
    newDownloadUrl: added.downloadUrl,
    expiresAt: added.expiresAt,
  };
}
