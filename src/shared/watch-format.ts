// Pure helpers for the Watch screen: a folder's short name, patterns typed into a tag field, and the
// quiet period shown in seconds while the app stores milliseconds. Kept in shared, beside the types,
// so the Node tests can check them.
import { WATCH_QUIET_RANGE_MS } from './watch';

/** The last part of a path, on any platform: "/home/ana/Shots/" → "Shots", "D:\\" → "D:\\". */
export function folderName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  if (trimmed === '') return path === '' ? '' : path.charAt(0);
  // A bare drive ("D:") reads better with its separator, as the file manager shows it.
  if (/^[A-Za-z]:$/.test(trimmed)) return `${trimmed}\\`;
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] ?? trimmed;
}

/**
 * A folder as people write it: inside the home folder it starts with "~" ("/home/ana/Shots" → "~/Shots"),
 * as file managers and shells show it. Windows paths are left whole; "~" means nothing there.
 */
export function displayPath(path: string, home: string, platform: string): string {
  if (platform === 'win32' || home === '' || home === '/') return path;
  const base = home.replace(/\/+$/, '');
  if (path === base) return '~';
  return path.startsWith(`${base}/`) ? `~${path.slice(base.length)}` : path;
}

/**
 * Patterns typed into a tag field, added to the ones there already: commas and new lines separate
 * patterns (a pasted list works), blanks are dropped, and a pattern already present is not repeated.
 */
export function addPatterns(existing: readonly string[], typed: string): string[] {
  const out = [...existing];
  for (const part of typed.split(/[,\n]/)) {
    const pattern = part.trim();
    if (pattern !== '' && !out.includes(pattern)) out.push(pattern);
  }
  return out;
}

/** 2000 → "2", 1500 → "1.5", 250 → "0.25". */
export function quietSecondsText(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}

/** Seconds typed by a person → ms, or null when it is not a number of seconds the app accepts. */
export function parseQuietSeconds(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return null;
  const ms = Math.round(Number(trimmed) * 1000);
  if (!Number.isFinite(ms) || ms < WATCH_QUIET_RANGE_MS.min || ms > WATCH_QUIET_RANGE_MS.max) return null;
  return ms;
}

export const QUIET_SECONDS_MIN = WATCH_QUIET_RANGE_MS.min / 1000;
export const QUIET_SECONDS_MAX = WATCH_QUIET_RANGE_MS.max / 1000;
