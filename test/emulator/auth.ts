// Bearer-key check. Only the verdict is ever recorded, never the key.
import type { RequestLogEntry } from './types';

export const AUTH_FAILED_MSG = 'Authentication failed: Invalid API Key';

export function authState(
  header: string | undefined,
  keys: readonly string[],
): RequestLogEntry['authorization'] {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] !== undefined && keys.includes(match[1]) ? 'valid' : 'invalid';
}
