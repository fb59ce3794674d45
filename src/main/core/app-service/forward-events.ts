// Engine events → window events. A pause for a bad key also changes what the key screen should show.
import type { Engine } from '../engine';
import type { KeyState } from '../../../shared/ipc-contract';
import type { EventOutbox } from './event-outbox';

export function forwardEngineEvents(
  engine: Pick<Engine, 'on'>,
  outbox: EventOutbox,
  keyState: () => Promise<KeyState>,
): () => void {
  const announceKey = (): void => {
    // Keychain trouble while announcing is not worth an error of its own: key:state will report it.
    keyState().then(
      (state) => outbox.emit('key-state', state),
      () => undefined,
    );
  };
  const offs = [
    engine.on('job', (job) => outbox.emit('job', job)),
    engine.on('progress', (job) => outbox.emit('progress', job)),
    engine.on('history', (change) => outbox.emit('history', change)),
    engine.on('paused', (info) => {
      outbox.emit('queue-state', info);
      if (info.reason === 'auth') announceKey();
    }),
    engine.on('resumed', () => {
      outbox.emit('queue-state', null);
      announceKey();
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
