// Version 9: when each history entry's link was last copied or shared, and when the person was reminded
// that it expires. Only copied or shared links are reminded of (one notification for all of them), and
// each entry at most once. A separate table keeps history rows as they were; entries never copied have
// no row here. Never edit this once shipped.

export const SCHEMA_V9_LINK_SHARES = `
CREATE TABLE link_shares (
  history_id      INTEGER PRIMARY KEY REFERENCES history (id) ON DELETE CASCADE,
  last_shared_at  INTEGER NOT NULL,   -- ms since the epoch: the last copy to the clipboard or share
  reminded_at     INTEGER             -- when its expiry reminder was shown; NULL until then
);
CREATE INDEX link_shares_not_reminded ON link_shares (history_id) WHERE reminded_at IS NULL;
`;
