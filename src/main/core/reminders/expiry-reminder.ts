// One reminder for every copied link that is due one: "3 links you copied expire within 6 hours", not one
// notification per file. The hours are counted to the last of them, so the sentence is true of each.
import type { DueLink } from './link-share-store';

const HOUR_MS = 60 * 60 * 1000;

export interface ExpiryReminder {
  /** Soonest expiry first. */
  links: DueLink[];
  count: number;
  /** Whole hours (at least 1) within which every one of them expires. */
  withinHours: number;
  /** The first to expire: the one a click shows. */
  soonest: DueLink;
}

export function groupReminder(due: readonly DueLink[], now: number): ExpiryReminder | null {
  const [soonest] = due;
  if (soonest === undefined) return null;
  const latest = Math.max(...due.map((d) => d.expiresAtMs));
  return {
    links: [...due],
    count: due.length,
    withinHours: Math.max(1, Math.ceil((latest - now) / HOUR_MS)),
    soonest,
  };
}

/** The reminder in English, for a notifier that has no words of its own (the command line's, the tests'). */
export function describeReminderEnglish(r: ExpiryReminder): { title: string; body: string } {
  const hours = r.withinHours === 1 ? '1 hour' : `${r.withinHours} hours`;
  if (r.count === 1) {
    return {
      title: `A link you copied expires within ${hours}`,
      body: `"${r.soonest.fileName}" stops working then. Open KieDrop to renew or pin it.`,
    };
  }
  return {
    title: `${r.count} links you copied expire within ${hours}`,
    body: `They stop working then. Open KieDrop to renew or pin them.`,
  };
}
