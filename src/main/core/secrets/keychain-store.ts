import type { AsyncEntry, EntryOptions } from '@napi-rs/keyring';
import { KeychainError } from './errors';
import { normalizeApiKey } from './validate-key';

export type KeychainStatus = { available: true; backend: string } | { available: false; reason: string };

export interface SecretStore {
  status(): Promise<KeychainStatus>;
  /** The stored key, or null when none is stored. Throws KeychainError when there is no usable keychain. */
  getKey(): Promise<string | null>;
  /** Validates, stores and reads the key back. Throws KeychainError; never stores anywhere else. */
  setKey(key: string): Promise<void>;
  /** true when a key was removed, false when none was stored. */
  clearKey(): Promise<boolean>;
}

export interface KeychainStoreOptions {
  /** Tests pass a unique service so they never touch the user's real entry. */
  service?: string;
  account?: string;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'KieDrop';
export const DEFAULT_KEYCHAIN_ACCOUNT = 'api-key';

export const NO_SECRET_SERVICE_MESSAGE =
  'No Secret Service (GNOME Keyring or KWallet) is running, so KieDrop cannot store your API key safely. ' +
  'Start one, or pass the key with KIEDROP_API_KEY for this session.';

// On Linux, keyring-rs silently falls back to the kernel keyring when no Secret Service answers, and that
// keyring is gone after a reboot. Pinning the entry to the Secret Service makes the constructor throw
// instead, which is both our detection and our guarantee that the key lands nowhere else.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

function backendName(): string {
  switch (process.platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    case 'linux':
      return 'Secret Service';
    default:
      return 'system keychain';
  }
}

function unavailableReason(cause: unknown): string {
  if (process.platform === 'linux') return NO_SECRET_SERVICE_MESSAGE;
  return `The ${backendName()} cannot be reached (${detailOf(cause)}), so KieDrop cannot store your API key. Pass the key with KIEDROP_API_KEY for this session.`;
}

function detailOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

export function createKeychainStore(opts: KeychainStoreOptions = {}): SecretStore {
  const service = opts.service ?? DEFAULT_KEYCHAIN_SERVICE;
  const account = opts.account ?? DEFAULT_KEYCHAIN_ACCOUNT;

  // A fresh entry per call: a Secret Service started after KieDrop is picked up without a restart. The
  // native module loads on first use, so commands that never touch the key (`kiedrop --help`) skip it.
  async function openEntry(): Promise<AsyncEntry> {
    try {
      const { AsyncEntry: Entry } = await import('@napi-rs/keyring');
      return new Entry(service, account, ENTRY_OPTIONS);
    } catch (cause) {
      throw new KeychainError('unavailable', unavailableReason(cause), { cause });
    }
  }

  async function readStored(entry: AsyncEntry): Promise<string | null> {
    try {
      return await entry.getPassword();
    } catch (cause) {
      throw new KeychainError(
        'read-failed',
        `The system keychain could not be read (${detailOf(cause)}). If it is locked, unlock it and try again.`,
        { cause },
      );
    }
  }

  return {
    async status() {
      try {
        await openEntry();
        return { available: true, backend: backendName() };
      } catch (err) {
        return { available: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },

    async getKey() {
      return readStored(await openEntry());
    },

    async setKey(raw) {
      const key = normalizeApiKey(raw);
      const entry = await openEntry();
      try {
        await entry.setPassword(key);
      } catch (cause) {
        throw new KeychainError(
          'write-failed',
          `The system keychain refused to save the API key (${detailOf(cause)}). If your keyring is locked or has no default collection, unlock or create it and try again.`,
          { cause },
        );
      }
      // Trust but verify: some backends accept a write and keep nothing (or something else).
      const stored = await readStored(entry);
      if (stored !== key) {
        throw new KeychainError(
          'write-failed',
          'The system keychain did not keep the API key (reading it back gave a different value), so it is not saved.',
        );
      }
    },

    async clearKey() {
      const entry = await openEntry();
      try {
        return await entry.deletePassword();
      } catch (cause) {
        throw new KeychainError(
          'read-failed',
          `The API key could not be removed from the system keychain (${detailOf(cause)}). If it is locked, unlock it and try again.`,
          { cause },
        );
      }
    },
  };
}
