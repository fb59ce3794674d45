// What the window may know about a pinned history entry (kept alive at the same link before it expires).

export type KeepAliveOutcomeKind =
  'kept-alive' | 'url-changed' | 'clock-not-restarted' | 'missed' | 'blocked' | 'failed';

export interface PinInfo {
  historyId: number;
  pinned: boolean;
  /** A changed local file is uploaded (changing what the link serves) instead of the link's own copy. */
  followFile: boolean;
  keptAliveCount: number;
  /** ISO 8601: the last keep-alive or check. */
  lastAt: string | null;
  lastOutcome: KeepAliveOutcomeKind | null;
}

/** An entry's pin as History lists it: whether it is pinned now, what keep-alive did, and what comes next. */
export interface EntryPin {
  pinned: boolean;
  keptAliveCount: number;
  /** ISO 8601: the last keep-alive or check. */
  lastAt: string | null;
  lastOutcome: KeepAliveOutcomeKind | null;
  /** How long ago the last keep-alive or check was, on the app's clock (the window's may differ). */
  lastAgeMs: number | null;
  /** ISO 8601: when the next keep-alive is due (the expiry less the lead time); null when not pinned. */
  nextAt: string | null;
}
