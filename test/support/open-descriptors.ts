// Whether this process still holds a file open (Linux /proc): an aborted or finished read must let go.
import { readdirSync, readlinkSync } from 'node:fs';
import { expect } from 'vitest';

/** How many of this process's descriptors point at `path`. */
export function openDescriptorsTo(path: string): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) count++;
    } catch {
      // the descriptor readdir itself used is gone by now
    }
  }
  return count;
}

/** Waits (briefly) until nothing holds `path` open: a stream closes its descriptor a moment after it errors. */
export async function expectNoDescriptorsTo(path: string): Promise<void> {
  await expect.poll(() => openDescriptorsTo(path), { timeout: 2000, interval: 20 }).toBe(0);
}
