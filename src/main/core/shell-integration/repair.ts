// The right-click menu points at the program that installed it. After KieDrop is updated, moved, or run
// from another checkout, entries it made earlier may start a program that is gone. At start the app
// rewrites its own out-of-date entries to start itself; anything it did not make is left alone.
import { install, status } from './integration';
import type { IntegrationOptions, IntegrationStatus } from './types';

export interface RepairResult {
  repaired: boolean;
  status: IntegrationStatus;
}

export async function repairStaleEntries(
  platform: NodeJS.Platform,
  opts: IntegrationOptions,
): Promise<RepairResult> {
  const current = await status(platform, opts);
  const states = current.items.map((i) => i.state);
  // Only entries the user installed before (some are ours) and none of them foreign.
  const stale = states.includes('outdated') && !states.includes('foreign');
  if (!stale) return { repaired: false, status: current };
  return { repaired: true, status: await install(platform, opts) };
}
