import type { LinkLifetime } from '../main/core/links/lifetime';

const HOUR_MS = 60 * 60 * 1000;

/** The line History shows when links have lately died sooner than 3 days; null when the 3 days (or the setting) hold. */
export function lifetimeNote(lifetime: LinkLifetime): string | null {
  if (lifetime.source !== 'learned' || lifetime.learned === null) return null;
  const hours = Math.max(1, Math.round(lifetime.believedMs / HOUR_MS));
  const count = lifetime.learned.observedOn;
  return (
    `Links have lately lasted about ${hours} h, so countdowns use that ` +
    `(observed on ${count} ${count === 1 ? 'link' : 'links'}).`
  );
}
