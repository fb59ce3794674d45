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
