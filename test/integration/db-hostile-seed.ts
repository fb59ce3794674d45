// A real KieDrop database with some history, written by its own process: a connection held by the test
// process itself would keep the file open (libsql closes lazily) while the tests change its owner.
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(import.meta.dirname, '../..');
const MODULE = (rel: string): string => JSON.stringify(pathToFileURL(join(REPO, rel)).href);
const DAY_MS = 24 * 60 * 60 * 1000;

/** File names in the seeded history: one link still live, one expired. */
export const LIVE_NAME = 'kept.png';
export const EXPIRED_NAME = 'gone.png';

const SEED = `
import { openDatabase } from ${MODULE('src/main/core/db/index.ts')};
import { HistoryStore } from ${MODULE('src/main/core/history/index.ts')};
const [file, now, crash] = [process.argv[2], Number(process.argv[3]), process.argv[4] === 'crash'];
const entry = (name, uploadedAt) => ({
  jobId: null, localPath: '/files/' + name, localMtimeMs: uploadedAt, size: 1234, method: 'stream',
  source: 'manual', uploadPath: 'kiedrop', fileName: name, filePath: 'kiedrop/' + name,
  downloadUrl: 'https://files.example.test/kiedrop/' + name, mimeType: 'image/png',
  uploadedAt: new Date(uploadedAt).toISOString(), expiresAt: new Date(uploadedAt + 3 * ${DAY_MS}).toISOString(),
  renewOf: null,
});
const db = openDatabase(file);
const store = new HistoryStore(db);
store.insert(entry(${JSON.stringify(EXPIRED_NAME)}, now - 5 * ${DAY_MS}));
store.insert(entry(${JSON.stringify(LIVE_NAME)}, now - 60000));
// A process killed while it runs: the last commit lives only in the -wal, next to its -shm.
if (crash) process.kill(process.pid, 'SIGKILL');
db.close();
`;

/**
 * Writes the database `file` holding LIVE_NAME and EXPIRED_NAME; `scratch` holds the seeding script.
 * With `crash`, its process is killed before it closes, leaving the -wal and -shm files behind.
 */
export async function seedHistory(file: string, scratch: string, crash = false): Promise<void> {
  const script = join(scratch, 'seed-history.mts');
  await writeFile(script, SEED);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, file, String(Date.now()), crash ? 'crash' : 'close'],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  await rm(script, { force: true });
  if (crash ? child.signal !== 'SIGKILL' : child.status !== 0)
    throw new Error(`seeding ${file} failed: ${child.stderr}`);
}
