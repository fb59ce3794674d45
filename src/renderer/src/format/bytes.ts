// Sizes and speeds as people read them: "840 KB", "1.5 MB", "2.3 MB/s". Binary steps (1024) with the
// familiar short labels, as file managers on Windows and most uploaders show them.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below 10 keeps small values precise without making big ones noisy.
  let digits = value < 10 ? 1 : 0;
  // 1023.7 KB would print as "1024 KB"; step up instead.
  if (Number(value.toFixed(digits)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
    digits = 1;
  }
  const text = value.toFixed(digits).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Whole percent, never showing 100 before the last byte is really out. */
export function formatPercent(sent: number, total: number): string {
  if (total <= 0) return '0%';
  const exact = (sent / total) * 100;
  const shown = sent < total ? Math.min(99, Math.floor(exact)) : 100;
  return `${shown}%`;
}
