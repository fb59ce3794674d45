// Numbers the CLI's help shows, kept apart from the queue so reading them loads no database code.

/** Uploads at once unless Settings or --concurrency say otherwise. */
export const DEFAULT_CONCURRENCY = 3;
