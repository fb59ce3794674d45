// Version 11: local copies of URL uploads' bytes, so an entry uploaded from a link can still be renewed
// (and kept alive) after that link has died. One row per entry that has, or is waiting for, a copy; the
// file itself lives in the data folder's url-copies folder under `file_name`. A download that failed is
// kept with its reason and when to try again. Never edit this once shipped.

export const SCHEMA_V11_URL_COPIES = `
CREATE TABLE url_copies (
  history_id   INTEGER PRIMARY KEY REFERENCES history (id) ON DELETE CASCADE,
  file_name    TEXT,               -- inside the url-copies folder; NULL until a download succeeded
  size         INTEGER,
  sha256       TEXT,
  saved_at     INTEGER,            -- ms since the epoch; the oldest copies go first when space runs out
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  next_try_at  INTEGER             -- a failed download is tried again from then on
);
CREATE INDEX url_copies_saved ON url_copies (saved_at) WHERE file_name IS NOT NULL;
`;
