// Typed calls into the page's window.kiedrop from a test, without DOM types in the Node tsconfig.
import type { Frame, Page } from 'playwright-core';
import type { KieDropApi } from '../../src/shared/ipc-contract';

type ApiFunctions = {
  [
    K in keyof KieDropApi as KieDropApi[K] extends (...args: never[]) => Promise<unknown> ? K : never
  ]: KieDropApi[K];
};
type ApiMethod = Extract<keyof ApiFunctions, string>;

/** Calls window.kiedrop[method](...args) in the page (or a frame of it) and returns its IpcResult. */
export function callApi<M extends ApiMethod>(
  target: Page | Frame,
  method: M,
  ...args: Parameters<ApiFunctions[M]>
): ReturnType<ApiFunctions[M]> {
  return target.evaluate(
    ([name, values]) => {
      const api = (
        globalThis as unknown as { kiedrop: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).kiedrop;
      const fn = api[name];
      if (!fn) throw new Error(`window.kiedrop.${name} does not exist`);
      return fn(...values);
    },
    [method, args as unknown[]] as const,
  ) as ReturnType<ApiFunctions[M]>;
}

/** Starts recording the given events in the page; read them back with recordedEvents(). */
export async function recordEvents(target: Page | Frame, events: readonly string[]): Promise<void> {
  await target.evaluate(
    (names) => {
      const g = globalThis as unknown as {
        kiedrop: { on(e: string, l: (p: unknown) => void): () => void };
        __recorded?: { event: string; payload: unknown }[];
      };
      g.__recorded ??= [];
      for (const name of names) g.kiedrop.on(name, (payload) => g.__recorded?.push({ event: name, payload }));
    },
    [...events],
  );
}

export function recordedEvents(target: Page | Frame): Promise<{ event: string; payload: unknown }[]> {
  return target.evaluate(
    () => (globalThis as unknown as { __recorded?: { event: string; payload: unknown }[] }).__recorded ?? [],
  );
}
