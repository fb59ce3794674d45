// The send step's look at a picture's GPS position: a photo that is about to go up with the place it was
// taken, because nothing strips its metadata, is stripped when the "Pictures with a location" setting says
// so, and the first time (setting "ask") the user is asked once. The answer is durable before anything is
// sent: the strip options are written to the job's job_images row, so a crash after the answer resumes
// into a stripped upload, never one with the position.
import type { KieDropDb } from '../db';
import type { LocationInPictures } from '../../../shared/settings';
import { STRIP_ONLY_QUALITY } from './from-settings';
import { hasGpsPosition } from './location-check';
import type { ImageOptions } from './types';

export type LocationAnswer = Exclude<LocationInPictures, 'ask'>;

export interface LocationFile {
  fileName: string;
  localPath: string;
}

/** What the queue is told to do about pictures with a location; none: they go up as they are. */
export interface LocationPolicy {
  /** The saved setting, read for each picture. */
  current(): LocationInPictures;
  /** Asks the user (the app's window). Absent: nothing is asked, the setting 'ask' sends as it is. */
  ask?: (file: LocationFile) => Promise<LocationAnswer>;
  /** Saves the answer, so it is asked once. */
  remember?: (answer: LocationAnswer) => void;
  /** A picture goes up with its position while the setting was never answered (the CLI says so). */
  onSentWithLocation?: (file: LocationFile) => void;
}

export interface LocationGate {
  /** Before the job's image step, given the job's image options (null: none); resolves to its options
   * from now on (stripping turned on when so decided). Rejects when `signal` aborts while asking. */
  beforeSend(
    job: LocationFile & { id: number },
    options: ImageOptions | null,
    signal: AbortSignal,
    /** Called when this upload waits for the person's answer, so its row can say so. */
    onAsking?: () => void,
  ): Promise<ImageOptions | null>;
}

/** What a picture that only loses its metadata is processed with: its format and size stay. */
export const STRIP_ONLY_OPTIONS: ImageOptions = {
  format: 'keep',
  quality: STRIP_ONLY_QUALITY,
  maxSide: null,
  stripMetadata: true,
};

export function createLocationGate(db: KieDropDb, policy: LocationPolicy): LocationGate {
  // One question at a time: uploads that reach a picture with a position meanwhile wait for that answer.
  let question: Promise<LocationAnswer> | null = null;

  function answerFor(file: LocationFile): Promise<LocationAnswer> {
    const ask = policy.ask;
    if (!ask) return Promise.resolve('keep');
    question ??= ask(file)
      .then(
        (answer) => {
          try {
            policy.remember?.(answer);
          } catch {
            // Not saved: asked again next time, but this answer still holds for this picture.
          }
          return answer;
        },
        // No answer could be had (the window failed): the safe side, for this picture only.
        (): LocationAnswer => 'remove',
      )
      .finally(() => {
        question = null;
      });
    return question;
  }

  return {
    async beforeSend(job, options, signal, onAsking) {
      if (options?.stripMetadata === true) return options;
      if (policy.current() === 'keep') return options;
      if (!(await hasGpsPosition(job.localPath))) return options;
      // Read again: a question may have been answered while this picture was looked at.
      let choice = policy.current();
      if (choice === 'ask' && !policy.ask) {
        policy.onSentWithLocation?.(job);
        return options;
      }
      if (choice === 'ask') {
        onAsking?.();
        choice = await untilAborted(answerFor(job), signal);
      }
      if (choice === 'keep') return options;
      return stripFromNowOn(db, job.id, options);
    },
  };
}

/** Writes (or turns on) the job's metadata stripping; its other options, when it had some, stay. */
function stripFromNowOn(db: KieDropDb, jobId: number, options: ImageOptions | null): ImageOptions {
  const next: ImageOptions = options ? { ...options, stripMetadata: true } : STRIP_ONLY_OPTIONS;
  db.conn
    .prepare(
      'INSERT INTO job_images (job_id, options) VALUES (?, ?) ON CONFLICT (job_id) DO UPDATE SET options = excluded.options',
    )
    .run(jobId, JSON.stringify(next));
  return next;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('stopped'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('stopped'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
