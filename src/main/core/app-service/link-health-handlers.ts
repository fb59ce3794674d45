// "Check link" in History (a row or the selection): each link's host is asked now whether it still
// serves the file, without the key, through the saved proxy. The results are stored with the entries and
// sent to the window as 'link-checks', so every row showing one of them updates.
import { checkLinks, LinkCheckStore, linkCheckView } from '../health';
import type { Handlers, LinkCheck } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

/** Links asked at once: a host is not flooded by a large selection. */
const CHECK_CONCURRENCY = 4;

export function linkHealthHandlers(deps: HandlerDeps): Pick<Handlers, 'history:check'> {
  const now = deps.now ?? Date.now;
  return {
    'history:check': async (ids) => {
      const checkLink = deps.checkLink;
      if (checkLink === undefined) {
        throw new IpcFailure('unavailable', 'Links cannot be checked in this window.');
      }
      // Entries deleted meanwhile have no row to update: they are left out, not failed.
      const entries = ids.flatMap((id) => deps.engine.history.get(id) ?? []);
      const store = new LinkCheckStore(deps.engine.db);
      const checks: LinkCheck[] = [];
      await checkLinks(
        entries.map((e) => ({ id: e.id, url: e.downloadUrl })),
        // One quick look per link (the copy's own check): a person waiting on a click is not kept a minute.
        { concurrency: CHECK_CONCURRENCY, retries: 0, probe: (url) => checkLink(url) },
        (link, probe) => {
          const at = now();
          const health = store.record(link.id, probe, at);
          if (health !== undefined) checks.push(linkCheckView(health, at));
        },
      );
      const order = new Map(ids.map((id, index) => [id, index]));
      checks.sort((a, b) => (order.get(a.historyId) ?? 0) - (order.get(b.historyId) ?? 0));
      if (checks.length > 0) deps.outbox.emit('link-checks', checks);
      return checks;
    },
  };
}
