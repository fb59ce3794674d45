// Key and credits channels. The window only ever learns the hint, the source and whether it works.
import { AUTH_PAUSE_MESSAGE } from '../queue';
import type { Handlers, KeyState } from '../../../shared/ipc-contract';
import { IpcFailure } from './ipc-failure';
import type { HandlerDeps } from './types';

/** The one page the welcome screen opens: where a kie.ai key is created. Fixed here, so the window
 * cannot ask for any other address through this channel. */
export const KEY_PAGE_URL = 'https://kie.ai/api-key';

export const NO_KEY_MESSAGE = 'No API key is saved yet. Add your key from your kie.ai account page.';

export async function currentKeyState(deps: Pick<HandlerDeps, 'keys' | 'engine'>): Promise<KeyState> {
  const paused = deps.engine.queue.paused;
  const rejected = paused?.reason === 'auth' && paused.message === AUTH_PAUSE_MESSAGE;
  return { ...(await deps.keys.state()), rejected };
}

export function keyHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'key:state' | 'key:save' | 'key:clear' | 'key:open-page' | 'credits:get'> {
  const { keys, engine, outbox } = deps;

  async function announce(): Promise<KeyState> {
    const state = await currentKeyState(deps);
    outbox.emit('key-state', state);
    return state;
  }

  return {
    'key:state': () => currentKeyState(deps),
    'key:save': async (key, options) => {
      const { credits } = await keys.save(key, options);
      // Lifts a pause caused by the old key, so waiting uploads go out with the new one.
      engine.queue.keyChanged();
      outbox.emit('credits', credits);
      return announce();
    },
    'key:clear': async () => {
      await keys.clear();
      return announce();
    },
    'key:open-page': async () => {
      // security-reviewed: a fixed https address written in this file, never one from the window.
      await deps.shell.openExternal(KEY_PAGE_URL);
    },
    'credits:get': async () => {
      const key = await keys.current();
      if (key === null) throw new IpcFailure('no-key', NO_KEY_MESSAGE);
      const client = deps.apiClientFor(key);
      try {
        return await client.getCredits();
      } finally {
        client.close();
      }
    },
  };
}
