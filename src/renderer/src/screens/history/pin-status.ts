// A pinned row's keep-alive status in its details, beside the link's health: "kept alive 3 times, last
// 2 h ago", "next keep-alive in about 5 h", or "keep-alive does not work for this account" once a keep-alive
// was seen not to restart the link's clock (the pin is then off, but the row still says why). Times are on
// the window's clock, like the countdowns: the app sends ages, not its own clock's dates.
import type { KeepAliveOutcomeKind } from '../../../../shared/keepalive';
import { formatSpan, MINUTE } from '../../format/duration';
import type { TFunction } from '../../i18n/messages';

export interface LocalPin {
  pinned: boolean;
  keptAliveCount: number;
  lastOutcome: KeepAliveOutcomeKind | null;
  /** ms on this window's clock, or null when no keep-alive ran yet. */
  lastAt: number | null;
  /** ms on this window's clock when the next keep-alive is due; null when not pinned. */
  nextAt: number | null;
}

export function keepAliveUnsupported(pin: Pick<LocalPin, 'lastOutcome'>): boolean {
  return pin.lastOutcome === 'clock-not-restarted' || pin.lastOutcome === 'blocked';
}

/** Null when there is nothing to say (never pinned, or unpinned without a finding). */
export function pinStatusText(pin: LocalPin | null, now: number, t: TFunction): string | null {
  if (pin === null) return null;
  if (keepAliveUnsupported(pin)) return t('pin.unsupported');
  if (!pin.pinned) return null;
  if (pin.keptAliveCount > 0 && pin.lastAt !== null) {
    const since = Math.max(0, now - pin.lastAt);
    const ago =
      since < MINUTE
        ? t('health.justNow')
        : t('health.ago', { duration: formatSpan(since, t, { smallest: 'min', parts: 1 }) });
    return pin.keptAliveCount === 1
      ? t('pin.keptAliveOne', { ago })
      : t('pin.keptAlive', { count: pin.keptAliveCount, ago });
  }
  const wait = pin.nextAt === null ? 0 : pin.nextAt - now;
  if (wait < MINUTE) return t('pin.due');
  return t('pin.next', { duration: formatSpan(wait, t, { smallest: 'min', parts: 1 }) });
}
