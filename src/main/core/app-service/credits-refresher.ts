// Refreshes the balance after uploads finish. Requests that arrive while one is running collapse into
// one more, so a batch of 50 small files costs two credit calls, not 50.
export interface CreditsRefresher {
  request(): void;
  /** Resolves when no refresh is running or pending (tests, shutdown). */
  settled(): Promise<void>;
}

export function createCreditsRefresher(
  fetchCredits: () => Promise<number | null>,
  onCredits: (credits: number) => void,
): CreditsRefresher {
  let running: Promise<void> | null = null;
  let again = false;

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        const credits = await fetchCredits();
        if (credits !== null) onCredits(credits);
      } catch {
        // A failed refresh leaves the last known balance on screen; the next upload tries again.
      }
    } while (again);
    running = null;
  }

  return {
    request() {
      if (running) {
        again = true;
        return;
      }
      running = loop();
    },
    settled: () => running ?? Promise.resolve(),
  };
}
