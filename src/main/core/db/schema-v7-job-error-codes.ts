// Version 7: a failed (or retrying) job keeps its failure's stable code and params next to the English
// sentence, so the window says it in the person's language and the command line picks its hint by code,
// neither reading the sentence. Rows written before have NULL here and are shown by last_error.
// Never edit this once shipped.

export const SCHEMA_V7_JOB_ERROR_CODES = `
ALTER TABLE jobs ADD COLUMN error_code TEXT;     -- e.g. 'network.refused', 'file.not-found'
ALTER TABLE jobs ADD COLUMN error_params TEXT;   -- JSON object of the code's params, or NULL
`;
