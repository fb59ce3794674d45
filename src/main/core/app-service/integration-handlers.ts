// Right-click "Share with KieDrop", installed and removed from Settings. The installers are the
// core's; this only says "not here" when the app was started without a place to install them.
import { install, status, uninstall } from '../shell-integration';
import type { IntegrationStatus } from '../shell-integration';
import type { Handlers, IntegrationState } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

const NOT_HERE = 'The right-click menu can only be installed from the KieDrop app.';

type IntegrationHandlerNames = 'integration:status' | 'integration:install' | 'integration:uninstall';

export function integrationHandlers(deps: HandlerDeps): Pick<Handlers, IntegrationHandlerNames> {
  const target = deps.shellIntegration;

  function view(result: IntegrationStatus): IntegrationState {
    return {
      supported: true,
      platform: target?.platform ?? deps.info.platform,
      installed: result.installed,
      items: result.items.map(({ id, label, location, state, missingProgram }) =>
        missingProgram === undefined
          ? { id, label, location, state }
          : { id, label, location, state, missingProgram },
      ),
    };
  }

  const unsupported: IntegrationState = {
    supported: false,
    platform: deps.info.platform,
    installed: false,
    items: [],
  };

  return {
    'integration:status': async () =>
      target ? view(await status(target.platform, target.options)) : unsupported,
    'integration:install': async () => {
      if (!target) throw new IpcFailure('unsupported', NOT_HERE);
      return view(await install(target.platform, target.options));
    },
    'integration:uninstall': async () => {
      if (!target) throw new IpcFailure('unsupported', NOT_HERE);
      return view(await uninstall(target.platform, target.options));
    },
  };
}
