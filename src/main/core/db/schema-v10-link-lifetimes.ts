// Version 10: how long links were seen to live when a health check found one gone before the expiry
// KieDrop had computed (uploadedAt + 3 days). The countdowns use the shortest lifetime seen lately
// (src/main/core/links/lifetime.ts). No foreign key to history on purpose: an observation outlives its
// entry (clearing expired entries must not make KieDrop forget how short links lived).
// Never edit this once shipped.

export const SCHEMA_V10_LINK_LIFETIMES = `
CREATE TABLE link_lifetimes (
  history_id     INTEGER PRIMARY KEY,  -- the entry whose link died early (one observation per link)
  uploaded_at    INTEGER NOT NULL,     -- ms since the epoch
  last_alive_at  INTEGER,              -- the last check that found it alive, if one came before
  gone_at        INTEGER NOT NULL,     -- the first check that found it gone
  lifetime_ms    INTEGER NOT NULL      -- the estimate (see lifetime.ts)
);
CREATE INDEX link_lifetimes_recent ON link_lifetimes (gone_at, lifetime_ms);
`;
