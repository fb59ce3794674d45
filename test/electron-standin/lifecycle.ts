// Whether the app is ready yet, and the one error Electron throws for APIs used before 'ready'.

let ready = false;

export function markReady(): void {
  ready = true;
}

export function isReady(): boolean {
  return ready;
}

/** Electron refuses these before 'ready' (DESIGN §8 rule 2); the stand-in does the same. */
export function requireReady(what: string): void {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready.`);
}
