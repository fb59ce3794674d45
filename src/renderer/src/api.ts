// The one place the window reaches the app: the preload's `window.kiedrop` (typed in src/shared/window-api.d.ts).
// Everything else imports `api` from here, so the page has a single seam to the app.
import type { IpcResult, KieDropApi } from '../../shared/ipc-contract';

export const api: KieDropApi = window.kiedrop;

/** Turns a transport failure (a rejected promise) into the same ok/err shape every channel answers with,
 * so callers branch in one place instead of two. */
export async function settle<T>(call: Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await call;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { kind: 'internal', message } };
  }
}
