// Which API key the app uses, and what the window may know about it. Strongest first: a session key
// (held in memory because the user chose so), a key saved in the keychain during this run, the
// KIEDROP_API_KEY environment variable, then whatever the keychain holds from before.
import { isApiError } from '../api';
import type { ApiClient } from '../api';
import { ENV_API_KEY } from '../config';
import { isKeychainError, keyHint, normalizeApiKey } from '../secrets';
import type { SecretStore } from '../secrets';
import type { KeyState } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';

export const KEY_REJECTED_MESSAGE = 'That key was rejected by the API; nothing was saved.';

export type KeyStateWithoutRejection = Omit<KeyState, 'rejected'>;

export interface KeyService {
  /** The key uploads should use now, or null. Never throws. */
  current(): Promise<string | null>;
  state(): Promise<KeyStateWithoutRejection>;
  /** Checks the key with the credits call, then keeps it; resolves to the balance the check returned. */
  save(key: string, options: { sessionOnly: boolean }): Promise<{ credits: number }>;
  clear(): Promise<void>;
  /** Every key this service has seen, to scrub from any text that leaves the main process. */
  secrets(): string[];
  /** Set when KIEDROP_API_KEY is present but unusable (it is then ignored): the English words and a code. */
  readonly envProblem: EnvKeyProblem | null;
}

export interface EnvKeyProblem {
  message: string;
  code: 'key.env-unusable';
  params: { variable: string };
}

export interface KeyServiceDeps {
  secrets: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  apiClientFor: (key: string) => Pick<ApiClient, 'getCredits' | 'close'>;
}

function readEnvKey(env: KeyServiceDeps['env']): { key: string | null; problem: EnvKeyProblem | null } {
  const raw = env[ENV_API_KEY];
  if (raw === undefined || raw.trim() === '') return { key: null, problem: null };
  try {
    return { key: normalizeApiKey(raw), problem: null };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      key: null,
      problem: {
        message: `${ENV_API_KEY} is set but unusable, so it is ignored: ${why}`,
        code: 'key.env-unusable',
        params: { variable: ENV_API_KEY },
      },
    };
  }
}

export function createKeyService(deps: KeyServiceDeps): KeyService {
  const env = readEnvKey(deps.env);
  let sessionKey: string | null = null;
  // Once the user saves a key here, it beats the environment's for the rest of the run.
  let savedThisRun = false;
  const seen = new Set<string>(env.key === null ? [] : [env.key]);

  async function keychainKey(): Promise<string | null> {
    try {
      const key = await deps.secrets.getKey();
      if (key !== null) seen.add(key);
      return key;
    } catch {
      return null;
    }
  }

  async function verify(key: string): Promise<number> {
    const client = deps.apiClientFor(key);
    try {
      return await client.getCredits();
    } catch (err) {
      if (isApiError(err) && err.kind === 'auth')
        throw new IpcFailure('auth', KEY_REJECTED_MESSAGE, { code: 'auth.invalid-key' });
      if (isApiError(err)) {
        throw new IpcFailure(err.kind, `The key could not be checked, so nothing was saved: ${err.message}`, {
          cause: err,
        });
      }
      throw err;
    } finally {
      client.close();
    }
  }

  return {
    envProblem: env.problem,

    async current() {
      if (sessionKey !== null) return sessionKey;
      if (env.key !== null && !savedThisRun) return env.key;
      return keychainKey();
    },

    async state() {
      const status = await deps.secrets.status();
      const keychain: KeyState['keychain'] = status.available
        ? { available: true }
        : { available: false, reason: status.reason };
      let key: string | null = null;
      let source: KeyState['source'] = null;
      if (sessionKey !== null) [key, source] = [sessionKey, 'session'];
      else if (env.key !== null && !savedThisRun) [key, source] = [env.key, 'env'];
      else if (status.available) {
        try {
          key = await deps.secrets.getKey();
          if (key !== null) {
            seen.add(key);
            source = 'keychain';
          }
        } catch (err) {
          const reason = isKeychainError(err) ? err.message : String(err);
          return { hasKey: false, hint: null, source: null, keychain: { available: false, reason } };
        }
      }
      return { hasKey: key !== null, hint: key === null ? null : keyHint(key), source, keychain };
    },

    async save(raw, options) {
      const key = normalizeApiKey(raw);
      seen.add(key);
      const credits = await verify(key);
      if (options.sessionOnly) {
        sessionKey = key;
      } else {
        await deps.secrets.setKey(key);
        sessionKey = null;
        savedThisRun = true;
      }
      return { credits };
    },

    async clear() {
      sessionKey = null;
      savedThisRun = false;
      try {
        await deps.secrets.clearKey();
      } catch (err) {
        // No keychain means nothing is stored there; anything else the user must hear about.
        if (!(isKeychainError(err) && err.kind === 'unavailable')) throw err;
      }
    },

    secrets: () => [...seen],
  };
}
