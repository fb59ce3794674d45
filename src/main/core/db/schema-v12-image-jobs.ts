// Version 12: image optimisation as part of the durable upload job. A job that optimises has a row in
// job_images with the options it was queued with; its processed copy lives in the data folder's
// image-temp folder under a name the job's id gives, for one attempt at a time. History keeps the size of
// the original and of what was uploaded, and why a picture went up unchanged. Never edit once shipped.

export const SCHEMA_V12_IMAGE_JOBS = `
CREATE TABLE job_images (
  job_id         INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
  options        TEXT NOT NULL,      -- JSON: format, quality, maxSide, stripMetadata
  temp_path      TEXT,               -- the processed copy while an attempt sends it
  original_size  INTEGER,
  uploaded_size  INTEGER,
  note           TEXT                -- why the original was sent, when it was
);
ALTER TABLE history ADD COLUMN original_size INTEGER;
ALTER TABLE history ADD COLUMN uploaded_size INTEGER;
ALTER TABLE history ADD COLUMN image_note TEXT;
`;
