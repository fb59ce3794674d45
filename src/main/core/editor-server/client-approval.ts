// The first request from each client name (its User-Agent) asks the user once; the answer is kept,
// so the editor is not asked about again. Requests arriving while the question is open wait for it.

export interface ClientDecisions {
  /** true: allowed, false: refused, undefined: never asked. */
  get(name: string): boolean | undefined;
  set(name: string, allowed: boolean): void | Promise<void>;
}

export type ApproveClient = (name: string) => Promise<boolean>;

export function createClientApproval(decisions: ClientDecisions, ask: ApproveClient) {
  const open = new Map<string, Promise<boolean>>();
  return async function isAllowed(name: string): Promise<boolean> {
    const known = decisions.get(name);
    if (known !== undefined) return known;
    let pending = open.get(name);
    if (!pending) {
      pending = (async () => {
        const allowed = await ask(name).catch(() => false);
        await decisions.set(name, allowed);
        return allowed;
      })().finally(() => open.delete(name));
      open.set(name, pending);
    }
    return pending;
  };
}

/** Decisions kept only in memory (the CLI and tests); the app keeps them in its settings. */
export function memoryClientDecisions(initial: Record<string, boolean> = {}): ClientDecisions {
  const map = new Map(Object.entries(initial));
  return { get: (n) => map.get(n), set: (n, a) => void map.set(n, a) };
}
