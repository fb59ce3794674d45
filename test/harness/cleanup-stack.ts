// Teardown in reverse order of setup, where one failing step must not leave the rest behind
// (a browser that will not close must not keep the temp folder or the emulator alive).

export type Cleanup = () => Promise<unknown> | unknown;

export interface CleanupStack {
  push(cleanup: Cleanup): void;
  /** Runs every cleanup pushed so far, newest first, ignoring their failures; the stack is then empty. */
  run(): Promise<void>;
}

export function createCleanupStack(): CleanupStack {
  const cleanups: Cleanup[] = [];
  return {
    push: (cleanup) => {
      cleanups.push(cleanup);
    },
    async run() {
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          await cleanup();
        } catch {
          // Keep tearing down the rest.
        }
      }
    },
  };
}
