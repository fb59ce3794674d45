// Waiting for something a test cannot be told about directly (a file uploaded, a line printed, a folder
// being watched): poll until it holds, and fail with what was awaited rather than hang until the test's
// own timeout, which would not say what never happened.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface UntilOptions {
  /** Default 20 s. */
  timeoutMs?: number;
  /** How often to look. Default 25 ms; less where the test must act within a few milliseconds. */
  everyMs?: number;
}

/** Resolves with the first truthy value `probe` returns; rejects after the timeout, naming `what`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | null | false,
  options: UntilOptions = {},
): Promise<T> {
  const { timeoutMs = 20_000, everyMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
