// "KieDrop X.Y is available" in Settings and the tray: the status, opening the release's page, and where
// the build can update itself, "Download and restart" and "Restart to update".
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

type UpdateChannels =
  'update:status' | 'update:open' | 'update:install-status' | 'update:download' | 'update:restart';

export function updateHandlers(deps: HandlerDeps): Pick<Handlers, UpdateChannels> {
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
    'update:install-status': () => deps.inPlaceUpdate.state(),
    // A failure is not an IPC error: it is the state, which the screen clicked shows next to the button.
    'update:download': () => deps.inPlaceUpdate.download(),
    'update:restart': () => deps.inPlaceUpdate.restart(),
  };
}
