// Version 8: pinned history entries, kept alive by uploading again to their own path and name before
// they expire, and the places (account on a download host) where that was seen not to work. A pin row
// also carries the keep-alive lease, so the app and `kiedrop keepalive` never work on one entry at once.
// Never edit this once shipped.

export const SCHEMA_V8_PINS = `
CREATE TABLE pins (
  history_id        INTEGER PRIMARY KEY REFERENCES history (id) ON DELETE CASCADE,
  pinned            INTEGER NOT NULL DEFAULT 1,  -- 0 once unpinned (the counts stay for the record)
  follow_file       INTEGER NOT NULL DEFAULT 0,  -- 1: a changed local file is uploaded, changing what the link serves
  pinned_at         INTEGER NOT NULL,
  location          TEXT    NOT NULL,            -- the uploadPath the link was made with (its own folder included)
  kept_alive_count  INTEGER NOT NULL DEFAULT 0,
  last_at           INTEGER,                     -- the last keep-alive attempt or check
  last_outcome      TEXT,                        -- kept-alive | url-changed | clock-not-restarted | missed | blocked | failed
  last_detail       TEXT,
  verify_after      INTEGER,  -- expiry before the last keep-alive: a check after it shows whether the clock restarted
  lease_owner       TEXT,     -- 'host:pid:random' of the process keeping it alive now
  lease_until       INTEGER
);
CREATE INDEX pins_pinned ON pins (history_id) WHERE pinned = 1;

CREATE TABLE keepalive_blocked (
  scope       TEXT PRIMARY KEY,   -- download host and account folder, e.g. 'files.example/kieai/123456'
  found_at    INTEGER NOT NULL,
  history_id  INTEGER,            -- the entry whose link died at its old time
  detail      TEXT
) WITHOUT ROWID;
`;
