// One rule for "is this link still usable", shared by the entry objects and the SQL filters.

import type { ExpiryStatus } from './types';

/** Links expiring within this window are flagged "expiring soon". */
export const DEFAULT_EXPIRING_SOON_MS = 6 * 60 * 60 * 1000;

/**
 * expired: the expiry moment has come (it wins over replaced — a dead link is dead either way);
 * replaced: a later upload now serves different content at this link;
 * expiring: less than `expiringSoonMs` left; active: otherwise.
 */
export function expiryStatus(
  expiresAtMs: number,
  nowMs: number,
  expiringSoonMs: number,
  replaced: boolean,
): ExpiryStatus {
  const left = expiresAtMs - nowMs;
  if (left <= 0) return 'expired';
  if (replaced) return 'replaced';
  if (left < expiringSoonMs) return 'expiring';
  return 'active';
}
