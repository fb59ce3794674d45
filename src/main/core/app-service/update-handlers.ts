// "KieDrop X.Y is available" in Settings and the tray: the status, and opening the release's page.
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

export function updateHandlers(deps: HandlerDeps): Pick<Handlers, 'update:status' | 'update:open'> {
  return {
    'update:status': () => deps.updates.status(),
    'update:open': async () => {
      const available = deps.updates.status().available;
      if (available === null) {
        throw new IpcFailure(
          'not-found',
          'No newer version of KieDrop is known, so there is no page to open.',
        );
      }
      // security-reviewed: the release feed's page address, accepted only as http(s) by parseLatestRelease,
      // and the shell adapter refuses anything else again; the window cannot pass an address here.
      await deps.shell.openExternal(available.url);
    },
  };
}
