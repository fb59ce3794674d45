// One place that turns a failure into the person's language: an app error by its stable code and params
// (src/main/core/app-service/error-codes.ts), a failed upload by its error kind and its own facts. When no
// translation applies, the app's English message is shown as it is, never nothing.
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

export function translateError(error: CodedError | IpcError, t: TFunction): string {
  if (!error.code) return error.message;
  return translateCode(error.code, error.params ?? {}, t) ?? error.message;
}

/** What a failed job records: the queue stores the kind and the English sentence, not a code. */
export type FailedJobFacts = Pick<JobSnapshot, 'errorKind' | 'lastError' | 'fileName'>;

const GAVE_UP = /\s*\(Gave up after (\d+) attempts?\.\)$/u;

/** The code and params of a job's failure, read from its kind and its own facts (name, the limits the
 * queue wrote into its sentence); null when the kind alone does not say enough. */
export function jobErrorCode(job: FailedJobFacts): { code: string; params: ErrorParams } | null {
  const text = (job.lastError ?? '').replace(GAVE_UP, '');
  const name = job.fileName;
  const by = (code: string, params: ErrorParams = {}) => ({ code, params: { name, ...params } });
  switch (job.errorKind) {
    case 'local-file':
      if (/^File not found: /u.test(text)) return by('file.not-found');
      if (/ is a folder; /u.test(text)) return by('file.is-folder');
      if (/: permission denied\.$/u.test(text)) return by('file.permission');
      if (/^The file changed while uploading/u.test(text)) return by('file.changed');
      return null;
    case 'invalid-input': {
      const big = / is (.+?); Base64 upload takes at most (.+?)\. /u.exec(text);
      // Exact counts ("10,485,761 bytes", written when rounding would make both read "10.0 MB") take the
      // unit symbol B, which reads the same in every language.
      const unit = (size: string | undefined) => (size ?? '').replace(/ bytes$/u, ' B');
      return big ? by('base64.too-large', { size: unit(big[1]), limit: unit(big[2]) }) : null;
    }
    case 'auth':
      return by('auth.invalid-key');
    case 'insufficient-credits':
    case 'rate-limited':
    case 'maintenance':
      return by(`api.${job.errorKind}`);
    case 'timeout':
      return by('network.timeout');
    case 'aborted':
      return by('upload.cancelled');
    case 'network': {
      const host = (re: RegExp) => re.exec(text)?.[1];
      const refused = host(/^Could not connect to (\S+): connection refused/u);
      if (refused) return by('network.refused', { host: refused });
      const dns = host(/^Could not find the server (\S+) /u);
      if (dns) return by('network.dns', { host: dns });
      const reset = host(/^The connection to (\S+) was closed/u);
      if (reset) return by('network.reset', { host: reset });
      const unreachable = host(/^Could not reach (\S+) /u);
      if (unreachable) return by('network.unreachable', { host: unreachable });
      return null;
    }
    default:
      return null;
  }
}

/** Why a job failed, in the person's language where it can be said; else the stored English sentence. */
export function translateJobError(job: FailedJobFacts, t: TFunction): string {
  if (job.lastError === null) return t('job.failed');
  const coded = jobErrorCode(job);
  const said = coded ? translateCode(coded.code, coded.params, t) : null;
  if (said === null) return job.lastError;
  const gaveUp = GAVE_UP.exec(job.lastError);
  return gaveUp ? `${said}${t('error.job.gaveUp', { count: Number(gaveUp[1]) })}` : said;
}
