// Plain-text tables for the terminal: columns padded to their widest cell, two spaces apart, the last
// column left ragged so long links and reasons are never cut.

const MAX_CELL = 40;

/** Shortens a cell in the middle-of-the-table columns; "…" marks the cut. */
export function clip(text: string, max = MAX_CELL): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
