// Version 1 of the database: the upload queue and the upload history, in one SQLite file shared by the app
// and the CLI. Times are milliseconds since the epoch (UTC). Later versions add migrations; never edit this one
// after it has shipped.

export const SCHEMA_V1 = `
CREATE TABLE jobs (
  id              INTEGER PRIMARY KEY,
  status          TEXT    NOT NULL CHECK (status IN ('queued', 'uploading', 'done', 'failed', 'cancelled')),
  source          TEXT    NOT NULL CHECK (source IN ('manual', 'watch', 'share', 'clipboard', 'url', 'cli')),
  method          TEXT    NOT NULL CHECK (method IN ('stream', 'base64', 'url')),
  local_path      TEXT,              -- stream/base64: the file to send
  source_url      TEXT,              -- url: the address the server fetches
  upload_path     TEXT    NOT NULL,  -- what the user asked for, e.g. 'kiedrop'
  file_name       TEXT    NOT NULL,  -- the readable name the link ends with
  location        TEXT    NOT NULL,  -- the uploadPath actually sent: upload_path plus a unique segment, fixed at enqueue
                                     -- so a retry after a crash overwrites its own earlier attempt and nothing else
  overwrite       INTEGER NOT NULL DEFAULT 0, -- 1: the user explicitly chose to replace what lives at location/file_name
  size            INTEGER,           -- of the local file when queued (updated when a retry finds it changed)
  mtime_ms        INTEGER,
  priority        INTEGER NOT NULL DEFAULT 0, -- lower runs first: manual/share/clipboard/cli/url 0, watch 10
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  error_kind      TEXT,              -- ApiError kind of the last failure
  last_error      TEXT,              -- message a person can act on (raw server text kept here for malformed bodies)
  notice          TEXT,              -- e.g. 'The file changed since it was queued; the new content was uploaded.'
  renew_of        INTEGER,           -- history id this upload renews
  batch_id        TEXT,              -- groups files queued together (CLI run, share batch, drop)
  lease_owner     TEXT,              -- 'host:pid:random' of the process uploading it
  lease_until     INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  finished_at     INTEGER
);
CREATE INDEX jobs_runnable ON jobs (status, priority, next_attempt_at, id);
CREATE INDEX jobs_batch ON jobs (batch_id);

CREATE TABLE history (
  id             INTEGER PRIMARY KEY,
  job_id         INTEGER UNIQUE REFERENCES jobs (id) ON DELETE SET NULL, -- at most one entry per job
  local_path     TEXT,
  local_mtime_ms INTEGER,
  size           INTEGER NOT NULL,
  method         TEXT    NOT NULL,
  source         TEXT    NOT NULL,
  upload_path    TEXT    NOT NULL,   -- as the user asked for it
  file_name      TEXT    NOT NULL,
  file_path      TEXT    NOT NULL,   -- the server's storage path
  download_url   TEXT    NOT NULL,
  mime_type      TEXT    NOT NULL,
  uploaded_at    INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  renew_of       INTEGER REFERENCES history (id) ON DELETE SET NULL,
  replaced_by    INTEGER REFERENCES history (id) ON DELETE SET NULL, -- a later upload overwrote this link's content
  created_at     INTEGER NOT NULL
);
CREATE INDEX history_newest ON history (uploaded_at DESC, id DESC);
CREATE INDEX history_expiry ON history (expires_at);
CREATE INDEX history_file_path ON history (file_path);

-- Trigram full-text index: substring search on name and link that stays fast at 100k+ entries.
CREATE VIRTUAL TABLE history_search USING fts5 (
  file_name, download_url, content = 'history', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER history_search_insert AFTER INSERT ON history BEGIN
  INSERT INTO history_search (rowid, file_name, download_url) VALUES (new.id, new.file_name, new.download_url);
END;
CREATE TRIGGER history_search_delete AFTER DELETE ON history BEGIN
  INSERT INTO history_search (history_search, rowid, file_name, download_url)
  VALUES ('delete', old.id, old.file_name, old.download_url);
END;
CREATE TRIGGER history_search_update AFTER UPDATE OF file_name, download_url ON history BEGIN
  INSERT INTO history_search (history_search, rowid, file_name, download_url)
  VALUES ('delete', old.id, old.file_name, old.download_url);
  INSERT INTO history_search (rowid, file_name, download_url) VALUES (new.id, new.file_name, new.download_url);
END;
`;
