import { parseProxyUrl } from '../api/proxy-config';
import type { ProxyConfig } from '../api/proxy-config';
import { DEFAULT_ENDPOINTS } from '../api/types';
import type { ApiEndpoints } from '../api/types';
import { normalizeApiKey } from '../secrets/validate-key';
import { ConfigError } from './config-error';

// Where settings may come from, strongest first: explicit flags, then the environment, then defaults.
// Pure: no process access, so the app and the CLI resolve the same way and tests need no setup.

export const ENV_API_KEY = 'KIEDROP_API_KEY';
export const ENV_BASE_URL = 'KIEDROP_BASE_URL';
export const ENV_CREDITS_URL = 'KIEDROP_CREDITS_URL';

export type ConfigSource = 'flag' | 'env' | 'default';

export interface ConfigOverrides {
  /** --base-url */
  baseUrl?: string;
  /** --credits-url */
  creditsUrl?: string;
  /** --proxy */
  proxy?: string;
  /** --no-proxy */
  noProxy?: boolean;
}

export interface ResolvedConfig {
  endpoints: ApiEndpoints;
  sources: { uploadBaseUrl: ConfigSource; creditsBaseUrl: ConfigSource };
  /** A key from KIEDROP_API_KEY: wins over the keychain and is never stored. */
  envApiKey: string | null;
  /** --proxy, --no-proxy, or else HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env`. */
  proxy: ProxyConfig;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Trims, requires http(s), drops a trailing slash. `label` names the source in the error message. */
export function normalizeBaseUrl(value: string, label: string): string {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${label} must be an http:// or https:// URL (got "${text}").`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${label} must be an http:// or https:// URL (got "${text}").`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${label} must be a base URL without "?" or "#" parts (got "${text}").`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError(`${label} must not contain a user name or password.`);
  }
  return url.href.replace(/\/+$/u, '');
}

// An empty variable (`KIEDROP_BASE_URL= kiedrop …`) means "not set", as most tools treat it.
function fromEnv(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function pick(
  flag: string | undefined,
  flagLabel: string,
  env: Environment,
  envName: string,
  fallback: string,
): { value: string; source: ConfigSource } {
  if (flag !== undefined) return { value: normalizeBaseUrl(flag, flagLabel), source: 'flag' };
  const envValue = fromEnv(env, envName);
  if (envValue !== undefined) return { value: normalizeBaseUrl(envValue, envName), source: 'env' };
  return { value: fallback, source: 'default' };
}

const PROXY_FLAG_ORIGIN = 'given with --proxy';

function pickProxy(flags: ConfigOverrides, env: Environment): ProxyConfig {
  if (flags.proxy !== undefined && flags.noProxy === true) {
    throw new ConfigError('--proxy and --no-proxy cannot be used together; pick one.');
  }
  if (flags.noProxy === true) return { mode: 'none' };
  if (flags.proxy === undefined) return { mode: 'env', env };
  try {
    parseProxyUrl(flags.proxy, PROXY_FLAG_ORIGIN);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  return { mode: 'manual', url: flags.proxy.trim(), origin: PROXY_FLAG_ORIGIN };
}

export function resolveConfig(input: { flags?: ConfigOverrides; env?: Environment } = {}): ResolvedConfig {
  const flags = input.flags ?? {};
  const env = input.env ?? {};
  const upload = pick(flags.baseUrl, '--base-url', env, ENV_BASE_URL, DEFAULT_ENDPOINTS.uploadBaseUrl);
  const credits = pick(
    flags.creditsUrl,
    '--credits-url',
    env,
    ENV_CREDITS_URL,
    DEFAULT_ENDPOINTS.creditsBaseUrl,
  );

  let envApiKey: string | null = null;
  const rawKey = fromEnv(env, ENV_API_KEY);
  if (rawKey !== undefined) {
    try {
      envApiKey = normalizeApiKey(rawKey);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`${ENV_API_KEY} is set but unusable: ${reason}`);
    }
  }

  return {
    endpoints: { uploadBaseUrl: upload.value, creditsBaseUrl: credits.value },
    sources: { uploadBaseUrl: upload.source, creditsBaseUrl: credits.source },
    envApiKey,
    proxy: pickProxy(flags, env),
  };
}
