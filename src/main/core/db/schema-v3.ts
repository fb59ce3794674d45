// Version 3: facts about the file itself (when it last passed a full integrity check, so large files
// are not fully re-read on every start), and a partial index over live entries so the "active" and
// "expiring soon" filters count and page without visiting every row.

export const SCHEMA_V3 = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX history_live_expiry ON history (expires_at) WHERE replaced_by IS NULL;
`;
