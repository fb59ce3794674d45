import { NameCollisionError } from '../main/core/queue';
import { CliFailure } from './errors';
import { formatExpiry } from './format';

// The queue refuses an explicit name that would make a live link serve new content. The app asks; on the
// command line the answer is a flag, so the message names it.

export function collisionFailure(err: NameCollisionError, now: Date): CliFailure {
  const e = err.existing;
  return new CliFailure(
    `"${e.filePath}" already holds a live upload (history entry ${e.id}, expires ${formatExpiry(new Date(e.expiresAt), now)}). ` +
      `Uploading under that name would make ${e.downloadUrl} serve the new file. ` +
      'Add --overwrite to replace it, or choose another --name. Nothing was uploaded.',
  );
}

/** Runs `enqueue`, turning a name collision into the CLI's message. */
export async function enqueueOrExplain<T>(enqueue: () => Promise<T>, now: Date): Promise<T> {
  try {
    return await enqueue();
  } catch (err) {
    if (err instanceof NameCollisionError) throw collisionFailure(err, now);
    throw err;
  }
}
