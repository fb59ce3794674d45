// What a test app's upload became: the history entry of a finished job (or the job's own error), and the
// bytes the emulator stored for it.
import { readFile } from 'node:fs/promises';
import type { TestApp } from '../harness';
import type { HistoryEntry, JobSnapshot } from '../../src/shared/ipc-contract';

export async function uploadedEntry(
  app: TestApp,
  job: JobSnapshot | undefined,
  timeoutMs = 20_000,
): Promise<HistoryEntry> {
  const done = await app.waitForEvent(
    'job',
    (j) => j.id === job?.id && (j.status === 'done' || j.status === 'failed'),
    timeoutMs,
  );
  const entry = done.historyId === null ? undefined : app.service.engine.history.get(done.historyId);
  if (!entry) throw new Error(`${done.fileName} was not uploaded: ${done.lastError}`);
  return entry;
}

export const storedBytes = (app: TestApp, entry: HistoryEntry): Promise<Buffer> =>
  readFile(app.emulator.storedFile(entry.filePath) ?? '');
