// Numbers the CLI's help shows, kept apart from the queue so reading them loads no database code.

/** Uploads at once unless Settings or --concurrency say otherwise. */
export const DEFAULT_CONCURRENCY = 3;

/** Most uploads at once, in the app's Settings and on the command line alike. More only makes each one
 * slower and invites 429s. */
export const MAX_CONCURRENCY = 10;
