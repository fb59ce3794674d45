// Under Settings' "Links last" field: what KieDrop has learned of how long links live, whether or not the
// field overrides it (src/main/core/links/lifetime.ts).
import { useEffect, useState } from 'react';
import type { LinkLifetime } from '../../../../shared/link-lifetime';
import { api, settle } from '../../api';
import { useSettings } from '../../hooks/use-settings';
import { useT } from '../../i18n/i18n-context';

const HOUR_MS = 60 * 60 * 1000;

export function LearnedLifetimeHint() {
  const t = useT();
  const { settings } = useSettings();
  const [lifetime, setLifetime] = useState<LinkLifetime | null>(null);
  useEffect(() => {
    let live = true;
    void settle(api.historyLifetime()).then((res) => {
      if (live && res.ok) setLifetime(res.value);
    });
    return () => {
      live = false;
    };
  }, [settings.linkLifetimeHours]);
  if (lifetime === null) return null;
  const learned = lifetime.learned;
  return (
    <span data-testid="learned-lifetime">
      {learned === null || learned.lifetimeMs >= lifetime.assumedMs
        ? t('settings.linkLifetimeAssumed')
        : t('settings.linkLifetimeLearned', {
            hours: Math.max(1, Math.round(learned.lifetimeMs / HOUR_MS)),
            reason:
              learned.observedOn === 1
                ? t('history.lifetimeReasonOne')
                : t('history.lifetimeReason', { count: learned.observedOn }),
          })}
    </span>
  );
}
