// How a candidate file looks to the stability tracker. Links are not followed (where they lead is judged
// apart, see link-check.ts); a file reached through a folder that was swapped for a link is not inside
// any more; and a file must be readable, not just present, since one the queue cannot open would only
// fail there, later.
import { constants } from 'node:fs';
import { access, lstat, realpath } from 'node:fs/promises';
import { isInsideRoot } from './link-check';
import type { StatResult } from './stability-tracker';

export async function statCandidate(
  absolutePath: string,
  realRoot: () => Promise<string>,
): Promise<StatResult> {
  const info = await lstat(absolutePath);
  // Whole milliseconds: the ledger stores integers, and comparisons must round-trip.
  const sig = { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
  if (info.isSymbolicLink()) return { ...sig, isFile: false, isLink: true };
  if (!info.isFile()) return { ...sig, isFile: false };
  if (!isInsideRoot(await realRoot(), await realpath(absolutePath)))
    return { ...sig, isFile: false, isLink: true };
  await access(absolutePath, constants.R_OK);
  return { ...sig, isFile: true };
}
