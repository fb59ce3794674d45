export { openDatabase, DEFAULT_BUSY_TIMEOUT_MS } from './open-database';
export type { KieDropDb, OpenDatabaseOptions } from './open-database';
export { DatabaseError, toDatabaseError, asDatabaseError } from './database-error';
export type { DatabaseErrorKind } from './database-error';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, runMigrations, readUserVersion } from './migrations';
export type { Migration } from './migrations';
export { moveAside, corruptStamp } from './move-aside';
export { DEFAULT_INTEGRITY_CHECK_INTERVAL_MS, FULL_CHECK_MAX_BYTES } from './integrity-check';
