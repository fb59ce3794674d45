// Reads a QR code back from the text a terminal shows (half blocks, optionally with ANSI colours): each
// character is two modules, top and bottom. Dark is what is drawn in black (or in the terminal's default
// colour when there are no colours); the code is the box around the dark modules, since its three finder
// patterns reach its top, left, right and bottom edges.
const ESC = '\u001b';

export function decodeQrText(text: string): boolean[][] {
  const rows: boolean[][] = [];
  let fgDark = true;
  let bgDark = false;
  for (const line of text.split('\n')) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line[i] === ESC) {
        const end = line.indexOf('m', i);
        const code = line.slice(i + 2, end);
        if (code === '0') [fgDark, bgDark] = [true, false];
        if (code === '30') fgDark = true;
        if (code === '37') fgDark = false;
        if (code === '40') bgDark = true;
        if (code === '47') bgDark = false;
        i = end;
        continue;
      }
      const ch = line[i];
      const upper = ch === '▀' || ch === '█' ? fgDark : bgDark;
      const lower = ch === '▄' || ch === '█' ? fgDark : bgDark;
      top.push(upper);
      bottom.push(lower);
    }
    rows.push(top, bottom);
  }
  const dark = rows.flatMap((r, y) => r.flatMap((d, x) => (d ? [[x, y] as const] : [])));
  const xs = dark.map(([x]) => x);
  const ys = dark.map(([, y]) => y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return rows.slice(y0, y1 + 1).map((r) => Array.from({ length: x1 - x0 + 1 }, (_, i) => r[x0 + i] === true));
}
