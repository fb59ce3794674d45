// Pin channels: pin, unpin, and what is known about an entry's pin. Pinning only records the wish; the
// keep-alive service does the uploads. A pin that cannot help is refused with a code the window says.
import { isPinRefusedError, pinEntry, PinStore, unpinEntry, type PinState } from '../keepalive';
import type { Handlers, PinInfo } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

type PinHandlerNames = 'history:pin' | 'history:unpin' | 'history:pin-state';

function info(pin: PinState): PinInfo {
  return {
    historyId: pin.historyId,
    pinned: pin.pinned,
    followFile: pin.followFile,
    keptAliveCount: pin.keptAliveCount,
    lastAt: pin.lastAt,
    lastOutcome: pin.lastOutcome,
  };
}

export function keepAliveHandlers(
  deps: Pick<HandlerDeps, 'engine' | 'now'>,
): Pick<Handlers, PinHandlerNames> {
  const now = deps.now ?? Date.now;
  return {
    'history:pin': (id, options) => {
      try {
        return info(
          pinEntry(deps.engine.db, deps.engine.history, id, { followFile: options.followFile, now: now() })
            .pin,
        );
      } catch (err) {
        if (!isPinRefusedError(err)) throw err;
        const name = deps.engine.history.get(id)?.fileName ?? '';
        throw new IpcFailure(err.reason === 'no-entry' ? 'not-found' : 'invalid-argument', err.message, {
          code: `keepalive.pin-${err.reason}`,
          params: { name, id },
        });
      }
    },
    'history:unpin': (id) => unpinEntry(deps.engine.db, id),
    'history:pin-state': (id) => {
      const pin = new PinStore(deps.engine.db).get(id);
      return pin === undefined ? null : info(pin);
    },
  };
}
