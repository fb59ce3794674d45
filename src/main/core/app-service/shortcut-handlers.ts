// The "Upload clipboard" shortcut from Settings, and the upload summary the drop window draws.
import type { Handlers } from '../../../shared/ipc-contract';
import type { HandlerDeps } from './types';

export function desktopHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'shortcut:state' | 'shortcut:set' | 'activity:get'> {
  return {
    'shortcut:state': () => deps.shortcut.state(),
    'shortcut:set': (accelerator) => deps.shortcut.set(accelerator),
    'activity:get': () => deps.activity.get(),
  };
}
