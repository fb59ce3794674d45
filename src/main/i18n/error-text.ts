// A failure said in the person's language by its stable code and params, with the same words the window
// uses (the renderer's error catalogues, plain data shared here); the app's English sentence when the code
// has no words or its params did not all arrive.
import { errorMessagesEn } from '../../renderer/src/i18n/error-messages-en';
import { errorMessagesZhCN } from '../../renderer/src/i18n/error-messages-zh-CN';
import type { Language } from './language';

type ErrorKey = keyof typeof errorMessagesEn;
export type CodeParams = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Language, Record<ErrorKey, string>> = {
  en: errorMessagesEn,
  'zh-CN': errorMessagesZhCN,
};
const PLACEHOLDER = /\{(\w+)\}/gu;

/** A reason that is itself coded (`cause` and `cause.<name>`, as translate-error.ts reads them) said first,
 * as `reason`, without its closing full stop. */
function withCause(language: Language, params: CodeParams): CodeParams {
  const cause = params['cause'];
  if (typeof cause !== 'string') return params;
  const causeParams: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.startsWith('cause.')) causeParams[name.slice('cause.'.length)] = value;
  }
  const reason = said(language, cause, causeParams);
  return reason === null ? params : { ...params, reason: reason.replace(/[.。]\s*$/u, '') };
}

function said(language: Language, code: string, codeParams: CodeParams): string | null {
  const params = withCause(language, codeParams);
  const key = `error.${code}`;
  if (!(key in errorMessagesEn)) return null;
  const template = CATALOGUES[language][key as ErrorKey];
  let missing = false;
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) missing = true;
    return String(value);
  });
  return missing ? null : text;
}

/** A coded failure in the language; `message` (English) when it cannot be said by its code. */
export function errorText(
  language: Language,
  failure: { message: string; code?: string | null; params?: CodeParams | null },
): string {
  if (language === 'en' || !failure.code) return failure.message;
  return said(language, failure.code, failure.params ?? {}) ?? failure.message;
}

/** Why a job failed, as the window says it (translateJobError): its code, and the attempts it gave up after. */
export function jobErrorText(
  language: Language,
  job: { lastError: string | null; errorCode?: string | null; errorParams?: CodeParams | null },
): string | null {
  if (language === 'en' || !job.errorCode) return job.lastError;
  const { gaveUpAfter, ...params } = job.errorParams ?? {};
  const text = said(language, job.errorCode, params);
  if (text === null) return job.lastError;
  return typeof gaveUpAfter === 'number'
    ? `${text}${said(language, 'job.gaveUp', { count: gaveUpAfter }) ?? ''}`
    : text;
}
