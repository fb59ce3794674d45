// Sizes as people read them in file managers (1024-based): "512 B", "1.5 KB", "12.3 MB".

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** `unknown` is what a size that is not a byte count (NaN, negative) reads as. */
export function formatSize(bytes: number, unknown = 'unknown size'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return unknown;
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Step up before rounding could print "1024.0 KB".
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}
