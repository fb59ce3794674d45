// Version 4: indexes that keep the queue's per-job statements independent of how many jobs wait. Without
// them, claiming the next job sorted every queued row, and "is anything left?" counted them all: a
// 10,000-file batch did that 10,000 times.

export const SCHEMA_V4_QUEUE = `
-- The next job to claim, walked in order (optionally within one batch) instead of sorting the queue.
CREATE INDEX jobs_claim ON jobs (priority, id) WHERE status = 'queued';
CREATE INDEX jobs_claim_batch ON jobs (batch_id, priority, id) WHERE status = 'queued';
-- The earliest retry coming due.
CREATE INDEX jobs_next_due ON jobs (next_attempt_at) WHERE status = 'queued';
-- Whether a batch still has unfinished jobs, and the queued or running job going to a name.
CREATE INDEX jobs_unfinished_batch ON jobs (batch_id) WHERE status IN ('queued', 'uploading');
CREATE INDEX jobs_unfinished_target ON jobs (location, file_name) WHERE status IN ('queued', 'uploading');
`;
