// Renewing several entries at once (the selection bar, and the Renew of "pinned links died while KieDrop
// was not running"): each is uploaded again for a new link, and one line says how many started and, if
// any could not, why, in the person's language.
import { useCallback } from 'react';
import { api, settle } from '../../api';
import { useAnnounce } from '../../components/announcer';
import { useT } from '../../i18n/i18n-context';
import { translateError } from '../../i18n/translate-error';

export function useRenewMany(): (ids: readonly number[]) => Promise<void> {
  const t = useT();
  const announce = useAnnounce();
  return useCallback(
    async (ids: readonly number[]) => {
      const failures: string[] = [];
      for (const id of ids) {
        const res = await settle(api.historyRenew(id));
        if (!res.ok) failures.push(translateError(res.error, t));
      }
      const started = ids.length - failures.length;
      if (failures.length === 0) announce(t('history.bulk.renewing', { count: started }), 'info');
      else
        announce(
          t('history.bulk.renewFailed', {
            count: started,
            failed: failures.length,
            reason: failures[0] ?? '',
          }),
          'error',
        );
    },
    [announce, t],
  );
}
