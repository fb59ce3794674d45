// Version 2: watched folders and their ledger. The ledger remembers which version (size + mtime) of
// which file in a watched folder was handed to the upload queue, so a file is never uploaded twice
// while unchanged, not even across restarts or crashes. Never edit this once it has shipped.

export const SCHEMA_V2_WATCH = `
CREATE TABLE watch_folders (
  id              INTEGER PRIMARY KEY,
  path            TEXT    NOT NULL UNIQUE,       -- absolute local folder
  upload_path     TEXT    NOT NULL,              -- server folder uploads go to
  include         TEXT    NOT NULL DEFAULT '[]', -- JSON array of globs; empty = every file
  exclude         TEXT    NOT NULL DEFAULT '[]', -- JSON array of globs
  recursive       INTEGER NOT NULL DEFAULT 1,
  enabled         INTEGER NOT NULL DEFAULT 1,    -- 0: paused by the user
  upload_changed  INTEGER NOT NULL DEFAULT 0,    -- 1: a file that changes after its upload is uploaded again
  polling         INTEGER NOT NULL DEFAULT 0,    -- 1: poll instead of OS events (network drives)
  quiet_ms        INTEGER NOT NULL DEFAULT 2000, -- size and mtime must stay unchanged this long
  ignore_dotfiles INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

-- One row per file version handed to the queue. job_id and history_id carry no foreign keys on
-- purpose: deleting a job or a history entry must not make the ledger forget that the file was sent.
CREATE TABLE watch_ledger (
  id            INTEGER PRIMARY KEY,
  folder_id     INTEGER NOT NULL REFERENCES watch_folders (id) ON DELETE CASCADE,
  relative_path TEXT    NOT NULL,  -- '/'-separated, relative to the folder
  size          INTEGER NOT NULL,
  mtime_ms      INTEGER NOT NULL,
  job_id        INTEGER,           -- NULL only between the reservation and the enqueue
  history_id    INTEGER,
  reserved_by   TEXT,              -- 'host:pid:instance' of the watcher that claimed this version
  reserved_at   INTEGER NOT NULL,
  uploaded_at   INTEGER,           -- set once the upload is in history
  UNIQUE (folder_id, relative_path, size, mtime_ms)
);
CREATE INDEX watch_ledger_job ON watch_ledger (job_id);
CREATE INDEX watch_ledger_pending ON watch_ledger (folder_id, uploaded_at);
`;
