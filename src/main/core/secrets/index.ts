export {
  createKeychainStore,
  DEFAULT_KEYCHAIN_ACCOUNT,
  DEFAULT_KEYCHAIN_SERVICE,
  NO_SECRET_SERVICE_MESSAGE,
} from './keychain-store';
export type { KeychainStatus, KeychainStoreOptions, SecretStore } from './keychain-store';
export { KeychainError, isKeychainError } from './errors';
export type { KeychainErrorKind } from './errors';
export { keyHint } from './key-hint';
export { normalizeApiKey } from './validate-key';
