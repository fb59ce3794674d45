// The drop window's QR button: the link of the newest upload of the latest burst, so a phone can open it.
import type { Handlers } from '../../../shared/ipc-contract';
import type { HandlerDeps } from './types';

export function latestLinkHandlers(deps: HandlerDeps): Pick<Handlers, 'activity:latest-link'> {
  return {
    'activity:latest-link': () => {
      // Newest last; an entry deleted since has no link to show, so the one before it is shown.
      const ids = deps.activity.doneHistoryIds();
      for (let i = ids.length - 1; i >= 0; i--) {
        const entry = deps.engine.history.get(ids[i] as number);
        if (entry) return entry.downloadUrl;
      }
      return null;
    },
  };
}
