// Realistic files to upload: small pictures drawn in code (real PNGs, so thumbnails and type sniffing
// behave as for a photo), a one-page PDF, plain documents, and large blobs for uploads slow enough to watch.
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { encodePng } from '../../support/png';
import type { Rgb } from '../../support/png';

const W = 320;
const H = 200;

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const k = Math.max(0, Math.min(1, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
}

const SCENES = {
  sunset: (x: number, y: number): Rgb => {
    const horizon = H * 0.62;
    const sun = Math.hypot(x - W * 0.62, y - horizon + 8);
    if (y > horizon) {
      const shimmer = Math.abs(x - W * 0.62) < 40 - (y - horizon) * 0.3 && y % 6 < 3 ? 0.35 : 0;
      return mix(mix([38, 30, 78], [12, 14, 40], (y - horizon) / (H - horizon)), [255, 170, 90], shimmer);
    }
    if (sun < 30) return mix([255, 236, 170], [255, 190, 110], sun / 30);
    return mix([66, 40, 120], [255, 140, 90], y / horizon);
  },
  mountains: (x: number, y: number): Rgb => {
    const far = H * 0.45 + Math.sin(x / 37) * 18 + Math.sin(x / 11) * 4;
    const near = H * 0.62 + Math.sin(x / 53 + 2) * 24 + Math.sin(x / 17) * 6;
    if (y > near) return mix([46, 92, 70], [24, 52, 40], (y - near) / (H - near));
    if (y > far) return mix([92, 120, 150], [70, 96, 126], (y - far) / (near - far));
    return mix([150, 200, 240], [224, 238, 250], y / far);
  },
  ocean: (x: number, y: number): Rgb => {
    const wave = Math.sin(x / 18 + y / 9) * 0.5 + 0.5;
    const base = mix([12, 110, 140], [4, 44, 80], y / H);
    return y > H * 0.35
      ? mix(base, [120, 210, 220], wave * 0.18)
      : mix([200, 232, 246], [120, 190, 220], y / (H * 0.35));
  },
  blossom: (x: number, y: number): Rgb => {
    const d1 = Math.hypot(x - W * 0.3, y - H * 0.4);
    const d2 = Math.hypot(x - W * 0.7, y - H * 0.65);
    const glow = Math.max(0, 1 - d1 / 120) * 0.8 + Math.max(0, 1 - d2 / 100) * 0.7;
    return mix([250, 236, 240], [232, 96, 140], glow);
  },
  dashboard: (x: number, y: number): Rgb => {
    if (x < 56) return [30, 41, 59];
    if (y < 26) return [248, 250, 252];
    const col = Math.floor((x - 68) / 84);
    const inCard = (x - 68) % 84 < 74 && y > 40 && y < 96 && col < 3;
    if (inCard) return y < 48 ? [99, 102, 241] : [255, 255, 255];
    const barX = x - 68;
    if (y > 110 && y < 186 && barX > 0 && barX < 240 && barX % 20 < 12) {
      const height = 30 + ((barX * 37) % 44);
      if (y > 186 - height) return [129, 140, 248];
    }
    return [241, 245, 249];
  },
  portrait: (x: number, y: number): Rgb => {
    const head = Math.hypot((x - W / 2) / 0.8, y - H * 0.42);
    const body = y > H * 0.68 && Math.abs(x - W / 2) < 90 - (H - y) * 0.4;
    if (head < 44) return mix([236, 196, 168], [214, 170, 140], head / 44);
    if (body) return [52, 73, 120];
    return mix([226, 232, 240], [190, 204, 222], y / H);
  },
} satisfies Record<string, (x: number, y: number) => Rgb>;

export type SceneName = keyof typeof SCENES;

/** A little deterministic grain, like a camera's: photos compress like photos, not like flat drawings. */
function grain(x: number, y: number): number {
  const h = Math.imul(x * 374_761_393 + y * 668_265_263, 1_274_126_177) >>> 0;
  return ((h >>> 24) / 255 - 0.5) * 10;
}

/** Drawn on a 320×200 canvas, rendered at twice that size (like a screenshot from a HiDPI screen). */
export function picture(scene: SceneName): Buffer {
  const draw = SCENES[scene];
  const scale = 2;
  return encodePng(W * scale, H * scale, (x, y) => {
    const [r, g, b] = draw(x / scale, y / scale);
    const n = scene === 'dashboard' ? 0 : grain(x, y);
    return [r + n, g + n, b + n];
  });
}

/** A valid one-page PDF with a title line: enough for any PDF reader and for MIME sniffing. */
export function pdfDocument(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Padding in a comment gives the document a believable size without changing what it shows.
  return Buffer.concat([Buffer.from(body), Buffer.from(`%${'-'.repeat(60)}\n`.repeat(900))]);
}

/** Writes `bytes` of random data in 1 MiB pieces (incompressible, like a video or an archive). */
export async function writeLargeFile(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'w');
  try {
    const piece = randomBytes(1024 * 1024);
    for (let written = 0; written < bytes; written += piece.length) {
      await file.write(piece, 0, Math.min(piece.length, bytes - written));
    }
  } finally {
    await file.close();
  }
}
