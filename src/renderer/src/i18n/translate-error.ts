// One place that turns a failure into the person's language: an app error by its stable code and params
// (src/main/core/app-service/error-codes.ts), a failed upload by the code the queue recorded with it. When
// no translation applies, the app's English message is shown as it is, never nothing.
import type { JobSnapshot } from '../../../shared/domain';
import type { ErrorParams, IpcError } from '../../../shared/ipc-contract';
import { en } from './en';
import type { MessageKey, TFunction } from './messages';
import { placeholdersOf } from './translate';

export interface CodedError {
  code?: string;
  params?: ErrorParams;
  /** English, from the app: the fallback. */
  message: string;
}

function translateCode(code: string, params: ErrorParams, t: TFunction): string | null {
  const key = `error.${code}`;
  if (!(key in en)) return null;
  const message = en[key as MessageKey];
  // A code whose params did not all arrive would show a raw "{host}": the app's message says more.
  if (placeholdersOf(message).some((name) => params[name] === undefined)) return null;
  return (t as (key: MessageKey, params: ErrorParams) => string)(key as MessageKey, params);
}

/** A failure whose reason is another coded failure (a watched file's upload: "… could not be uploaded:
 * <reason>") carries the reason's code as `cause` and its params as `cause.<name>`: the reason is said in
 * the person's language too, without its own closing full stop. */
function withCause(params: ErrorParams, t: TFunction): ErrorParams {
  const cause = params['cause'];
  if (typeof cause !== 'string') return params;
  const causeParams: ErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.startsWith('cause.') && name !== 'cause.gaveUpAfter')
      causeParams[name.slice('cause.'.length)] = value;
  }
  // The reason may have a coded reason of its own (a watched file's naming template that gives a name the
  // API refuses, and why): said the same way, inside out.
  const said = translateCode(cause, withCause(causeParams, t), t);
  return said === null ? params : { ...params, reason: said.replace(/[.。]\s*$/u, '') };
}

export function translateError(error: CodedError | IpcError, t: TFunction): string {
  if (!error.code) return error.message;
  return translateCode(error.code, withCause(error.params ?? {}, t), t) ?? error.message;
}

/** What a failed job records: the queue stores the failure's code and params (schema version 7 on) beside
 * the English sentence; `gaveUpAfter` among the params counts the attempts of a failure given up. */
export type FailedJobFacts = Pick<JobSnapshot, 'lastError' | 'errorCode' | 'errorParams'>;

/** Why a job failed, in the person's language by its code; the stored English sentence when the job was
 * recorded without a code (before version 7) or its code cannot be said. */
export function translateJobError(job: FailedJobFacts, t: TFunction): string {
  if (job.errorCode === null) return job.lastError ?? t('job.failed');
  const { gaveUpAfter, ...params } = job.errorParams ?? {};
  const said = translateCode(job.errorCode, params, t);
  if (said === null) return job.lastError ?? t('job.failed');
  return typeof gaveUpAfter === 'number' ? `${said}${t('error.job.gaveUp', { count: gaveUpAfter })}` : said;
}
