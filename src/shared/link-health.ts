// What the window may know about the last health check of a history entry's link.

/** alive: the host serves it; gone: the host says the file is deleted (404/410); unreachable: no connection
 * to the host at all (says nothing about the file); error: the host answered something else. */
export type LinkCheckState = 'alive' | 'gone' | 'unreachable' | 'error';

export interface LinkCheck {
  historyId: number;
  state: LinkCheckState;
  /** ISO 8601, on the app's clock. */
  checkedAt: string;
  /** ISO 8601: the first check that found it gone (kept while later checks agree or say nothing). */
  goneSince: string | null;
  /** What was seen: "HTTP 404", "ECONNREFUSED". */
  detail: string | null;
  /** How long ago the check ran when this was sent, so the window counts "… ago" on its own clock. */
  ageMs: number;
}
