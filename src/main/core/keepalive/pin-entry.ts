// Pinning and unpinning a history entry, with the reasons a pin cannot help said plainly: an expired link
// cannot be kept alive, an overwritten one now serves another upload, and where keep-alive was seen not
// to work the pin is refused rather than promising what will not happen.
import type { KieDropDb } from '../db';
import type { HistoryEntry, HistoryStore } from '../history';
import { linkScope } from './link-scope';
import { PinStore, type PinState } from './pin-store';

export class PinRefusedError extends Error {
  constructor(
    message: string,
    readonly reason: 'no-entry' | 'expired' | 'replaced' | 'unsupported',
    readonly historyId: number,
  ) {
    super(message);
    this.name = 'PinRefusedError';
  }
}

export function isPinRefusedError(err: unknown): err is PinRefusedError {
  return err instanceof PinRefusedError;
}

/** The uploadPath the entry's link was made with: its job's location (which may hold a unique folder). */
export function linkLocation(db: KieDropDb, entry: HistoryEntry): string {
  if (entry.jobId === null) return entry.uploadPath;
  const row = db.conn.prepare('SELECT location FROM jobs WHERE id = ?').raw().get(entry.jobId) as
    unknown[] | undefined;
  return typeof row?.[0] === 'string' ? row[0] : entry.uploadPath;
}

export function pinEntry(
  db: KieDropDb,
  history: HistoryStore,
  historyId: number,
  opts: { followFile?: boolean; now: number },
): { entry: HistoryEntry; pin: PinState } {
  const entry = history.get(historyId);
  if (entry === undefined)
    throw new PinRefusedError(`There is no history entry ${historyId} to pin.`, 'no-entry', historyId);
  if (Date.parse(entry.expiresAt) <= opts.now)
    throw new PinRefusedError(
      `"${entry.fileName}" has expired, so its link cannot be kept alive; renew it to get a new link, then pin that.`,
      'expired',
      historyId,
    );
  if (entry.replacedBy !== null)
    throw new PinRefusedError(
      `"${entry.fileName}" was replaced by a later upload (entry ${entry.replacedBy}); pin that one instead.`,
      'replaced',
      historyId,
    );
  const pins = new PinStore(db);
  const location = linkLocation(db, entry);
  const blocked = pins.blocked(linkScope(entry, location));
  if (blocked !== undefined)
    throw new PinRefusedError(
      `Keep-alive does not work for links at ${blocked.scope}: a link kept alive there still died at its first ` +
        `expiry (seen ${blocked.foundAt}). "${entry.fileName}" was not pinned.`,
      'unsupported',
      historyId,
    );
  return {
    entry,
    pin: pins.pin(historyId, { location, followFile: opts.followFile ?? false, now: opts.now }),
  };
}

/** False when the entry was not pinned. */
export function unpinEntry(db: KieDropDb, historyId: number): boolean {
  return new PinStore(db).unpin(historyId);
}
