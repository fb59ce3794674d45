// Version 6: what the last health check of each history entry's link found, and an index to find
// entries by upload path and name. The name lookup replaces a guess at the server's filePath: the
// service files uploads under a per-account prefix that the client cannot know before uploading.
// A separate table keeps history rows as they were; entries never checked have no row here.
// Never edit this once shipped.

export const SCHEMA_V6_LINK_HEALTH = `
CREATE TABLE link_checks (
  history_id    INTEGER PRIMARY KEY REFERENCES history (id) ON DELETE CASCADE,
  checked_at    INTEGER NOT NULL,   -- ms since the epoch
  state         TEXT    NOT NULL,   -- alive | gone | unreachable | error
  detail        TEXT,               -- HTTP status or network error code, for the last check
  gone_since    INTEGER             -- first check that found it gone (cleared when it is alive again)
);
CREATE INDEX history_upload_name ON history (upload_path, file_name);
`;
