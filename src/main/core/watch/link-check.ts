// Where a symbolic link in a watched folder leads. Links are never uploaded themselves: one back into the
// folder would upload its files again under another name (a link to "." once turned one photo into 41
// uploads), and one leading out of it would publish what is out there (~/.ssh). A file the link points
// to is uploaded where it really is, if that is inside the folder.
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';

export type LinkVerdict =
  /** Leads to something inside the watched folder, which is watched where it is. */
  | { kind: 'inside' }
  /** Leads out of the watched folder: never followed. `target` is where it really leads. */
  | { kind: 'outside'; target: string }
  /** Points to itself, directly or through other links. */
  | { kind: 'loop'; error: unknown }
  /** Points to nothing (yet): there is nothing to upload. */
  | { kind: 'dangling' }
  | { kind: 'error'; error: unknown };

/** True when `real` is `realRoot` or lies under it (both already resolved by realpath). */
export function isInsideRoot(realRoot: string, real: string): boolean {
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  return real === realRoot || real.startsWith(prefix);
}

export async function classifyLink(realRoot: string, linkPath: string): Promise<LinkVerdict> {
  let target: string;
  try {
    target = await realpath(linkPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === 'ELOOP') return { kind: 'loop', error };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'dangling' };
    return { kind: 'error', error };
  }
  return isInsideRoot(realRoot, target) ? { kind: 'inside' } : { kind: 'outside', target };
}
