// Link lifetimes: "expires in 2 d 4 h", "expired 3 h ago", and the live status a row shows between refreshes.
import type { ExpiryStatus } from '../../../shared/domain';
import type { TFunction } from '../i18n/messages';
import { formatSpan, MINUTE } from './duration';

export function formatExpiry(msLeft: number, t: TFunction): string {
  if (msLeft > 0) {
    if (msLeft < MINUTE) return t('expiry.underAMinute');
    return t('expiry.in', { duration: formatSpan(msLeft, t, { smallest: 'min', parts: 2 }) });
  }
  const ago = -msLeft;
  if (ago < MINUTE) return t('expiry.justNow');
  // One unit is enough for the past: "expired 3 h ago" is what matters, not the minutes.
  return t('expiry.ago', { duration: formatSpan(ago, t, { smallest: 'min', parts: 1 }) });
}

/**
 * The status a row shows now, recomputed as time passes so a link turns "expiring" and then "expired"
 * without a refetch. Same precedence as the history store: expired wins over replaced.
 */
export function liveExpiryStatus(msLeft: number, replaced: boolean, expiringSoonMs: number): ExpiryStatus {
  if (msLeft <= 0) return 'expired';
  if (replaced) return 'replaced';
  if (msLeft < expiringSoonMs) return 'expiring';
  return 'active';
}
