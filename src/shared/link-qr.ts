// A link as a QR code, for a phone to open: the same code drawn as SVG in the window and as text in a
// terminal. Both come from the qrcode package's defaults (error correction M, a 4-module quiet zone in
// the SVG), so the code the window shows and the one `kiedrop qr` prints are the same matrix.
import QRCode from 'qrcode';

/** The code's dark modules, row by row (true = dark). */
export function qrMatrix(link: string): boolean[][] {
  const { size, data } = QRCode.create(link).modules;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => data[row * size + col] === 1),
  );
}

/** A standalone SVG document (dark modules on white), scalable to any size. */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg' });
}

/**
 * Text a terminal shows as the code: two rows per line with half blocks. `colors` forces black on white
 * with ANSI codes, so the code scans on a dark terminal too; without, the text follows the terminal's
 * own colours (for files and pipes).
 */
export function qrText(link: string, colors: boolean): Promise<string> {
  return colors
    ? QRCode.toString(link, { type: 'terminal', small: true })
    : QRCode.toString(link, { type: 'utf8' });
}
