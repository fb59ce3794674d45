// What "Save a copy…" did: the entry's link downloaded to a place the person chose.

export interface SavedCopyInfo {
  fileName: string;
  /** Where the bytes were written. */
  path: string;
  /** The folder it went to, as a person reads it: the home folder shown as ~. */
  folder: string;
  size: number;
}
