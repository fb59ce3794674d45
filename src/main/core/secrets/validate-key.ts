import { KeychainError } from './errors';

// Keys travel in an `Authorization: Bearer …` header, so anything that cannot sit in a header value is
// refused here, before it is stored or sent, rather than failing later with an obscure network error.
const MAX_KEY_LENGTH = 4096;

/** Trims the key and checks it can be stored and sent; throws a KeychainError('invalid-key') if not. */
export function normalizeApiKey(raw: string): string {
  const key = raw.trim();
  if (key.length === 0) {
    throw new KeychainError(
      'invalid-key',
      'The API key is empty. Paste the key from your kie.ai account page.',
    );
  }
  if (/\s/u.test(key)) {
    throw new KeychainError(
      'invalid-key',
      'The API key contains spaces or line breaks. Paste only the key itself, on one line.',
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(key)) {
    throw new KeychainError(
      'invalid-key',
      'The API key contains control characters. Paste only the key itself.',
    );
  }
  if (/[^\u0021-\u007e]/u.test(key)) {
    throw new KeychainError(
      'invalid-key',
      'The API key contains non-ASCII characters, which cannot be sent to the API. Check that you copied the right text.',
    );
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KeychainError(
      'invalid-key',
      `The API key is ${key.length} characters long; that is not an API key (the limit is ${MAX_KEY_LENGTH}).`,
    );
  }
  return key;
}
