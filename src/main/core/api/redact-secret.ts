// Last line of defence for "the key never appears in an error": a server might echo the
// Authorization header back in its msg or body, and that text ends up in logs, the UI and the
// database. It rarely comes back as typed: a JSON body escapes `"` and `\`, a gateway may echo it
// URL-encoded, and a Basic/Bearer header may come back Base64-encoded. Every such form is masked.
import { ApiError } from './errors';

const MASK = '[redacted]';
/** Shorter secrets would mask ordinary words; keys and passwords worth hiding are longer. */
const MIN_SECRET_LENGTH = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** One character of the secret as JSON, URL and HTML encoders may write it: any mix matches. */
function charPattern(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const forms = [escapeRegExp(c)];
  const bytes = [...Buffer.from(c, 'utf8')];
  forms.push(bytes.map((b) => `%${hex2(b)}`).join(''));
  if (code <= 0xffff) forms.push(`\\\\u${code.toString(16).padStart(4, '0')}`);
  if (c === '"' || c === '\\' || c === '/') forms.push(`\\\\${escapeRegExp(c)}`);
  if (c === ' ') forms.push('\\+');
  forms.push(`&#0*${code};`, `&#x0*${code.toString(16)};`);
  const named: Record<string, string> = { '"': 'quot', '&': 'amp', '<': 'lt', '>': 'gt', "'": 'apos' };
  if (named[c] !== undefined) forms.push(`&${named[c]};`);
  return `(?:${forms.join('|')})`;
}

/** The secret escaped once more, as JSON inside a JSON string (an echo of an echo). */
function jsonInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Base64 text that holds the secret somewhere in a longer input ("Bearer <key>", "user:<password>")
 * depends on where the secret starts modulo 3. For each of the three offsets, the characters that
 * come from the secret's bytes alone; the one or two at each end mixed with neighbours are left.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (const offset of [0, 1, 2]) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const full = Math.floor(padded.length / 3) * 4;
    const tail = padded.length % 3;
    // A partial last group: its first `tail` characters are the secret's alone.
    const encoded = padded.toString('base64').replace(/=+$/u, '');
    const end = full + tail;
    const start = offset === 0 ? 0 : offset + 1;
    const core = encoded.slice(start, Math.min(end, encoded.length));
    if (core.length >= MIN_SECRET_LENGTH) cores.push(core);
  }
  return cores.flatMap((core) => [core, core.replace(/\+/gu, '-').replace(/\//gu, '_')]);
}

/** Every way the secret is masked: one regular expression, longest forms first. */
function secretPattern(secret: string): RegExp {
  const flexible = [...secret].map(charPattern).join('');
  const exact = [jsonInner(jsonInner(secret)), ...base64Cores(secret)].map(escapeRegExp);
  return new RegExp([...exact, flexible].join('|'), 'giu');
}

/** Every exact form, for the tail of a truncated body ("…abc… (4096 characters)"). */
function plainForms(secret: string): string[] {
  return [secret, jsonInner(secret), encodeURIComponent(secret), ...base64Cores(secret)];
}

/** A cut-off body may end in the first part of a form: mask that beginning too. */
function scrubCutOff(text: string, secret: string): string {
  let out = text;
  for (let at = out.indexOf('…'); at >= 0; at = out.indexOf('…', at + 1)) {
    for (const form of plainForms(secret)) {
      for (let k = Math.min(form.length - 1, at); k >= MIN_SECRET_LENGTH; k--) {
        if (out.slice(at - k, at) === form.slice(0, k)) {
          out = `${out.slice(0, at - k)}${MASK}${out.slice(at)}`;
          at += MASK.length - k;
          break;
        }
      }
    }
  }
  return out;
}

/** The text with every encoding of `secret` masked; unchanged when there is none. */
export function scrubSecret(text: string, secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) return text;
  return scrubCutOff(text.replace(secretPattern(secret), MASK), secret);
}

/**
 * `err` with `clean` applied to every text it carries (message, server message, raw body, stack), or
 * `err` itself when nothing changes. A cause whose message needed cleaning is dropped.
 */
export function rewriteApiError<T>(err: T, clean: (text: string) => string): T {
  if (!(err instanceof ApiError)) return err;
  const fix = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : clean(text);
  const causeText = err.cause instanceof Error ? err.cause.message : undefined;
  const changed = (text: string | undefined): boolean => text !== undefined && clean(text) !== text;
  const texts = [err.message, err.serverMessage, err.rawBody, err.stack, causeText];
  if (!texts.some(changed)) return err;
  const copy = new ApiError(err.kind, clean(err.message), {
    status: err.status,
    serverMessage: fix(err.serverMessage),
    rawBody: fix(err.rawBody),
    retryAfterMs: err.retryAfterMs,
    cause: changed(causeText) ? undefined : err.cause,
  });
  copy.stack = fix(err.stack);
  return copy as T;
}

export function redactSecret<T>(err: T, secret: string): T {
  if (secret.length < MIN_SECRET_LENGTH) return err;
  return rewriteApiError(err, (text) => scrubSecret(text, secret));
}
