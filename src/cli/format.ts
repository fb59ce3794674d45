// Pure text formatting for what the CLI prints: sizes, rates, local times, "in 2 d 4 h".
import { formatSize } from '../main/core/links';

/** 1024-based, like file managers: 512 B, 1.5 KB, 10.0 MB, 123 MB. */
export function formatBytes(bytes: number): string {
  return formatSize(bytes, '? B');
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 d", "2 d 4 h", "4 h 12 min", "12 min", "less than a minute": the two largest units. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  // Round at the precision shown, so a link made a second ago reads "3 d", not "2 d 23 h".
  if (abs >= DAY - HOUR / 2) {
    const hours = Math.round(abs / HOUR);
    const d = Math.floor(hours / 24);
    const h = hours % 24;
    return h === 0 ? `${d} d` : `${d} d ${h} h`;
  }
  const minutes = Math.round(abs / MINUTE);
  if (minutes === 0) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "in 3 d" for the future, "expired 2 h ago" for the past. */
export function formatExpiry(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms > 0) return `in ${formatDuration(ms)}`;
  if (ms > -MINUTE) return 'expired just now';
  return `expired ${formatDuration(ms)} ago`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-11-24 14:03" in the machine's time zone: what a person compares with their clock. */
export function formatLocalDateTime(date: Date): string {
  return (
    `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ` +
    `${pad2(date.getHours())}:${pad2(date.getMinutes())}`
  );
}

export interface LinkLineInput {
  name: string;
  url: string;
  /** ISO 8601 */
  expiresAt: string;
}

/** `photo.png  https://…/photo.png  expires 2026-11-24 14:03 (in 3 d)`; `nameWidth` aligns a batch. */
export function formatLinkLine(item: LinkLineInput, now: Date, nameWidth = 0): string {
  const expires = new Date(item.expiresAt);
  const expiry = Number.isNaN(expires.getTime())
    ? 'expiry unknown'
    : `expires ${formatLocalDateTime(expires)} (${formatExpiry(expires, now)})`;
  return `${item.name.padEnd(nameWidth)}  ${item.url}  ${expiry}`;
}

// Control characters, backslashes and quotes would make a path unreadable or ambiguous on one line.
function needsQuoting(text: string): boolean {
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || c === '\\' || c === '"') return true;
  }
  return false;
}

/** A path as it can be shown on one line: as is, or JSON-quoted when it holds a line break, tab, "\\" or '"'. */
export function shownPath(path: string): string {
  return needsQuoting(path) ? JSON.stringify(path) : path;
}
