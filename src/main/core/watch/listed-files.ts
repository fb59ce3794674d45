// Which of the files a walk of the folder found need a look. A walk lists every file, and in a folder of
// 50,000 uploaded files nearly all of them are settled already: the ledger's answer for the whole slice
// comes from one query, a file is stat'ed only when that answer depends on its size and time, and only
// the rest go through the quiet-period check.
import { decideUpload, failedJobToRetry, settledWithoutLooking } from './ledger-decision';
import type { LedgerVersion } from './ledger-decision';

export interface ListedStat {
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
}

export interface ListedContext {
  /** What the ledger knows of each path (a path it does not know is absent). */
  known: ReadonlyMap<string, readonly LedgerVersion[]>;
  uploadChanged: boolean;
  /** Whether a failed upload of this very version is tried again: when watching (re)starts, not at
   * every walk (that would retry it in a loop while nothing changed). */
  retryFailed: boolean;
  /** Files whose problem was reported, with how they looked then (null: not looked at yet). A file that
   * looks different now is taken off and looked at. */
  problems: Map<string, string | null>;
  stat(relativePath: string): Promise<ListedStat>;
}

/** How a file with a reported problem looks: any change to it is worth another look. */
export function problemSignature(info: ListedStat): string {
  return `${info.size}:${Math.trunc(info.mtimeMs)}:${info.ino}:${info.mode}`;
}

const PARALLEL_STATS = 16;

/** The files of `rels` to hand to the quiet-period check, in their order. */
export async function sortListedFiles(rels: readonly string[], ctx: ListedContext): Promise<string[]> {
  const wanted: boolean[] = new Array<boolean>(rels.length).fill(false);
  const needStat: number[] = [];
  rels.forEach((rel, i) => {
    if (ctx.problems.has(rel)) {
      needStat.push(i);
      return;
    }
    const versions = ctx.known.get(rel);
    if (versions === undefined || versions.length === 0) wanted[i] = true;
    else if (!settledWithoutLooking(versions, ctx.uploadChanged)) needStat.push(i);
  });

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < needStat.length) {
      const i = needStat[next++] as number;
      const rel = rels[i] as string;
      let info: ListedStat;
      try {
        info = await ctx.stat(rel);
      } catch {
        // Gone or not inspectable: the quiet-period check says which, by name.
        wanted[i] = !ctx.problems.has(rel);
        continue;
      }
      if (ctx.problems.has(rel)) {
        const before = ctx.problems.get(rel);
        if (before === null || before === problemSignature(info)) continue;
        ctx.problems.delete(rel);
        wanted[i] = true;
        continue;
      }
      const versions = ctx.known.get(rel) ?? [];
      const sig = { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
      if (failedJobToRetry(versions, sig, ctx.uploadChanged) !== null) wanted[i] = ctx.retryFailed;
      else wanted[i] = decideUpload(versions, sig, ctx.uploadChanged).action === 'upload';
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_STATS, needStat.length) }, worker));
  return rels.filter((_, i) => wanted[i]);
}
