// "Upload my screenshots" from the Watch screen: watches the system's screenshot folder for new
// screenshots and copies each one's link when its upload finishes.
import { watchScreenshots } from '../screenshots';
import type { Handlers } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';
import { folderView } from './watch-overview';

export function screenshotHandlers(deps: HandlerDeps): Pick<Handlers, 'watch:screenshots'> {
  return {
    'watch:screenshots': async () => {
      const find = deps.screenshotFolder;
      if (find === undefined)
        throw new IpcFailure('unavailable', 'KieDrop cannot find the screenshot folder here.');
      let watched;
      try {
        watched = await watchScreenshots({ watch: deps.watch, settings: deps.settings, find });
      } catch (err) {
        if (err instanceof Error && !(err instanceof IpcFailure))
          throw new IpcFailure('invalid-argument', err.message);
        throw err;
      }
      return folderView(watched.folder, deps.engine);
    },
  };
}
