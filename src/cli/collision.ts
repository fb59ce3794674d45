import { NameCollisionError, NameInUseError } from '../main/core/queue';
import { CliFailure } from './errors';
import { formatExpiry } from './format';
import { historyRef, jobRef } from './record-ids';

// The queue refuses an explicit name that would make a live link serve new content. The app asks; on the
// command line the answer is a flag, so the message names it. A name another upload is still sending to
// (or waiting to send to) is refused even with --overwrite: the two would race for the same link.

export function collisionFailure(err: NameCollisionError, now: Date): CliFailure {
  const e = err.existing;
  return new CliFailure(
    `"${e.uploadPath}/${e.fileName}" already holds a live upload (history entry ${historyRef(e.id)}, expires ${formatExpiry(new Date(e.expiresAt), now)}). ` +
      `Uploading under that name would make ${e.downloadUrl} serve the new file. ` +
      'Add --overwrite to replace it, or choose another --name. Nothing was uploaded.',
  );
}

export function nameInUseFailure(err: NameInUseError): CliFailure {
  const job = err.pending;
  const sending = job.status === 'uploading';
  const source = job.localPath ?? job.sourceUrl ?? job.fileName;
  return new CliFailure(
    `"${job.location}/${job.fileName}" ${sending ? 'is being uploaded right now' : 'is waiting to be uploaded'} ` +
      `by another upload (job ${jobRef(job.id)}: ${source}). ` +
      'Two uploads under one name would leave one link serving the other file. ' +
      (sending
        ? 'Wait until it is done and add --overwrite to replace it'
        : 'Finish it with `kiedrop queue --resume`') +
      `, choose another --name, or cancel it with \`kiedrop queue --cancel ${jobRef(job.id)}\`. Nothing was uploaded.`,
  );
}

/** Runs `enqueue`, turning a name collision into the CLI's message. */
export async function enqueueOrExplain<T>(enqueue: () => Promise<T>, now: Date): Promise<T> {
  try {
    return await enqueue();
  } catch (err) {
    if (err instanceof NameCollisionError) throw collisionFailure(err, now);
    if (err instanceof NameInUseError) throw nameInUseFailure(err);
    throw err;
  }
}
