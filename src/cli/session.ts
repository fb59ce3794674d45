import { createApiClient } from '../main/core/api';
import type { ApiClient } from '../main/core/api';
import { resolveConfig } from '../main/core/config';
import type { ResolvedConfig } from '../main/core/config';
import { isApiError } from '../main/core/api/errors';
import { isKeychainError, keyHint } from '../main/core/secrets';
import type { ParsedArgs } from './args';
import { booleanFlag, stringFlag } from './args';
import type { CliContext } from './context';
import { CliFailure, EXIT_USAGE } from './errors';
import { readTimeoutKnobs } from './test-knobs';
import { cliVersion } from './version';

// What every API command needs: endpoints and proxy (flags > env > defaults) and a key (env > keychain).

export const NO_KEY_MESSAGE = 'No API key. Run `kiedrop key set` (or set KIEDROP_API_KEY).';

export type KeySource = 'env' | 'keychain';

export interface Session {
  config: ResolvedConfig;
  apiKey: string;
  keySource: KeySource;
  client: ApiClient;
}

export function resolveCliConfig(ctx: CliContext, parsed: ParsedArgs): ResolvedConfig {
  return resolveConfig({
    flags: {
      baseUrl: stringFlag(parsed, 'base-url'),
      creditsUrl: stringFlag(parsed, 'credits-url'),
      proxy: stringFlag(parsed, 'proxy'),
      noProxy: booleanFlag(parsed, 'no-proxy'),
    },
    env: ctx.env,
  });
}

export function clientFor(
  config: ResolvedConfig,
  apiKey: string,
  timeouts: { idleTimeoutMs?: number; responseTimeoutMs?: number } = {},
): ApiClient {
  return createApiClient({
    ...config.endpoints,
    apiKey,
    userAgent: `kiedrop-cli/${cliVersion()}`,
    proxy: config.proxy,
    ...timeouts,
  });
}

/** "Key …f3a9 (from KIEDROP_API_KEY)": which key was used, without showing it. */
export function keyLabel(session: Pick<Session, 'apiKey' | 'keySource'>): string {
  return `Key ${keyHint(session.apiKey)}${session.keySource === 'env' ? ' (from KIEDROP_API_KEY)' : ''}`;
}

// The client's own 401 text speaks of the app's Settings; on the command line the fix is a command.
export function rejectedKeyMessage(session: Pick<Session, 'apiKey' | 'keySource'>): string {
  const fix =
    session.keySource === 'env'
      ? 'Fix KIEDROP_API_KEY, or unset it to use the saved key.'
      : 'Run `kiedrop key set` with a current key.';
  return `${keyLabel(session)} was rejected by the API (401). ${fix}`;
}

/** The line to show for a failed API call, in command-line terms. */
export function cliErrorMessage(err: unknown, session: Pick<Session, 'apiKey' | 'keySource'>): string {
  if (isApiError(err) && err.kind === 'auth') return rejectedKeyMessage(session);
  return err instanceof Error ? err.message : String(err);
}

/** Runs `run` with a session and closes the client's idle sockets afterwards. */
export async function withSession<T>(
  ctx: CliContext,
  parsed: ParsedArgs,
  run: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await openSession(ctx, parsed);
  try {
    return await run(session);
  } catch (err) {
    if (isApiError(err) && err.kind === 'auth') throw new CliFailure(rejectedKeyMessage(session));
    throw err;
  } finally {
    session.client.close();
  }
}

export interface ResolvedKey {
  apiKey: string;
  keySource: KeySource;
}

/** The key to use: KIEDROP_API_KEY first, then the keychain. Fails with the fix when there is none. */
export async function resolveApiKey(ctx: CliContext, config: ResolvedConfig): Promise<ResolvedKey> {
  if (config.envApiKey !== null) return { apiKey: config.envApiKey, keySource: 'env' };
  let stored: string | null;
  try {
    stored = await ctx.secretStore().getKey();
  } catch (err) {
    // No keychain means no stored key; say why, since `key set` would fail for the same reason.
    if (isKeychainError(err) && err.kind === 'unavailable')
      throw new CliFailure(`No API key. ${err.message}`, EXIT_USAGE);
    throw err;
  }
  if (stored === null) throw new CliFailure(NO_KEY_MESSAGE, EXIT_USAGE);
  return { apiKey: stored, keySource: 'keychain' };
}

export async function openSession(ctx: CliContext, parsed: ParsedArgs): Promise<Session> {
  const config = resolveCliConfig(ctx, parsed);
  const key = await resolveApiKey(ctx, config);
  return { config, ...key, client: clientFor(config, key.apiKey, readTimeoutKnobs(ctx.env)) };
}
