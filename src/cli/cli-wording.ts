// The core's messages are written for the desktop app and send people to its Settings. On the command
// line the same fix is a flag, a variable or a command, chosen here by the failure's stable code
// (src/main/core/error-codes), so the core rewording a sentence cannot take the hint away.
import type { CodedError } from '../main/core/error-codes/api-error-code';
import type { JobErrorParams } from '../shared/domain';

/** How to name the flags an address came from, when a message only says "the address". */
export const UPLOAD_ADDRESS = '--base-url (or KIEDROP_BASE_URL)';
export const ANY_ADDRESS = '--base-url or --credits-url (KIEDROP_BASE_URL, KIEDROP_CREDITS_URL)';

type Params = NonNullable<CodedError['params']>;

/** Failures the command line says in its own words, from the code's params alone. */
const OWN_SENTENCES: Readonly<Record<string, (p: Params, address: string) => string | null>> = {
  'network.refused': (p, address) =>
    typeof p.host === 'string'
      ? `Could not connect to ${p.host}: connection refused. Check ${address} and that the server is running.`
      : null,
};

/** What to do here instead of what the app's Settings offer, by code. */
function hintFor(code: string | undefined, address: string): string {
  if (code?.startsWith('network.')) return `Check ${address}.`;
  switch (code) {
    // 404 and 405: the address does not lead to the API.
    case 'api.refused':
      return 'Check --base-url (or KIEDROP_BASE_URL).';
    // The only answer the core sends to Settings for is the credits one.
    case 'api.invalid-response':
      return 'Check --credits-url (or KIEDROP_CREDITS_URL).';
    case 'auth.invalid-key':
    case 'key.malformed':
      return 'Get one at kie.ai/api-key and run `kiedrop key set`.';
    default:
      return 'Check the flag or variable that set it.';
  }
}

const SETTINGS = /\bSettings\b/u;

/** `message` with its sentences that send people to Settings replaced by one hint. */
function withHint(message: string, hint: string): string {
  if (!SETTINGS.test(message)) return message;
  const kept: string[] = [];
  let hinted = false;
  for (const sentence of message.split(/(?<=\.)\s+/u)) {
    if (!SETTINGS.test(sentence)) kept.push(sentence);
    else if (!hinted) {
      kept.push(hint);
      hinted = true;
    }
  }
  return kept.join(' ');
}

/**
 * A failure as the command line says it: `message` (the core's English) with the fix this tool offers,
 * picked by the failure's code. `address` names where "the address" of a failed connection was set, as far
 * as the caller knows. Never names Settings.
 */
export function cliWording(
  message: string,
  coded: CodedError | null | undefined,
  address: string = UPLOAD_ADDRESS,
): string {
  const params = coded?.params ?? {};
  const own = coded ? OWN_SENTENCES[coded.code]?.(params, address) : null;
  if (own === null || own === undefined) return withHint(message, hintFor(coded?.code, address));
  const tries = params.gaveUpAfter;
  return typeof tries === 'number'
    ? `${own} (Gave up after ${tries} attempt${tries === 1 ? '' : 's'}.)`
    : own;
}

/** A job's recorded failure, as the command line says it; `fallback` when none was recorded. */
export function jobFailureWording(
  job: { lastError: string | null; errorCode: string | null; errorParams: JobErrorParams | null },
  fallback: string,
): string {
  if (job.lastError === null) return fallback;
  const coded = job.errorCode === null ? null : { code: job.errorCode, params: job.errorParams ?? undefined };
  return cliWording(job.lastError, coded);
}
