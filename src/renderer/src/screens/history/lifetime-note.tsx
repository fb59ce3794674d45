// One line above History's list when links have lately died sooner than the documented 3 days: the
// countdowns then use the shortest lifetime seen (src/main/core/links/lifetime.ts), and this says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkLifetime } from '../../../../shared/link-lifetime';
import { api, settle } from '../../api';
import { Banner } from '../../components/banner';
import { useApiEvent } from '../../hooks/use-api-event';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';

const HOUR_MS = 60 * 60 * 1000;
/** A check made elsewhere (the CLI, the schedule in another window) is noticed within this long. */
const REFRESH_MS = 60 * 1000;

/**
 * `onChange`: the believed lifetime changed, so the listed countdowns are stale (History re-reads them).
 */
export function LifetimeNote({ active, onChange }: { active: boolean; onChange: () => void }) {
  const t = useT();
  // A new "Links last" setting changes every countdown at once.
  const setting = useSettings().settings.linkLifetimeHours;
  const [lifetime, setLifetime] = useState<LinkLifetime | null>(null);
  const believed = useRef<number | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  const refresh = useCallback(async () => {
    const res = await settle(api.historyLifetime());
    if (!res.ok) return;
    if (believed.current !== null && believed.current !== res.value.believedMs) changed.current();
    believed.current = res.value.believedMs;
    setLifetime(res.value);
  }, []);

  useEffect(() => {
    if (!active) return;
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, refresh, setting]);
  // A check that found a link gone early may have taught a shorter lifetime.
  useApiEvent('link-checks', () => void refresh());

  if (lifetime === null || lifetime.source !== 'learned' || lifetime.learned === null) return null;
  const hours = Math.max(1, Math.round(lifetime.believedMs / HOUR_MS));
  const count = lifetime.learned.observedOn;
  const reason = count === 1 ? t('history.lifetimeReasonOne') : t('history.lifetimeReason', { count });
  return (
    <Banner level="info" testId="lifetime-note">
      {t('history.lifetimeNote', { hours, reason })}
    </Banner>
  );
}
