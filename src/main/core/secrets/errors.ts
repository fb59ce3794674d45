// Everything that can go wrong with the stored API key, with a `kind` callers can switch on and a
// message a person can act on. Messages never contain the key itself.

export type KeychainErrorKind =
  | 'unavailable' // no usable OS keychain (on Linux: no Secret Service)
  | 'invalid-key' // the key text itself is unusable
  | 'write-failed' // the keychain refused the key, or did not keep it
  | 'read-failed'; // the keychain exists but could not be read or changed

export class KeychainError extends Error {
  readonly kind: KeychainErrorKind;

  constructor(kind: KeychainErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeychainError';
    this.kind = kind;
  }
}

export function isKeychainError(value: unknown): value is KeychainError {
  return value instanceof KeychainError;
}
