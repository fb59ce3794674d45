// One preview: a PNG data: URL at most PREVIEW_SIZE px on its longer side, made by sharp. libvips works
// on libuv's thread pool, so the JavaScript thread (IPC, tray, windows) keeps running meanwhile.
import type sharpModule from 'sharp';
import { sniffImage } from './sniff-image';

export const PREVIEW_SIZE = 96;
/** 2^26 ≈ 67 million pixels (8192×8192): a 64 MP phone photo still gets a preview. Interlaced PNG, GIF
 * and progressive JPEG hold a whole frame in memory, so this keeps one decode to a few hundred MB at
 * worst, and a small file whose header claims a vast picture is refused before any pixel is read. */
export const MAX_INPUT_PIXELS = 2 ** 26;
/** A pathological file gives up instead of holding one of the few decode slots. */
const TIMEOUT_SECONDS = 10;

export interface PreviewOptions {
  maxInputPixels?: number;
  /** Longer side in px; PREVIEW_SIZE (a list thumbnail) unless a large preview is asked for. */
  size?: number;
}

type Sharp = typeof sharpModule;
let loading: Promise<Sharp> | null = null;

// Loaded on first use: no libvips at startup, and a missing native part costs previews, not the app.
function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // No libvips cache: it holds up to 20 source files open, and Windows then refuses to rename or
    // delete them. Our own cache keeps the small results instead.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

/** The preview, or null for anything that is not a readable picture within the limits. Never throws. */
export async function decodePreview(path: string, options: PreviewOptions = {}): Promise<string | null> {
  try {
    if ((await sniffImage(path)) === null) return null;
    const sharp = await loadSharp();
    const png = await sharp(path, {
      limitInputPixels: options.maxInputPixels ?? MAX_INPUT_PIXELS,
      // A truncated download still shows what it has; unreadable headers still fail.
      failOn: 'none',
    })
      .timeout({ seconds: TIMEOUT_SECONDS })
      .rotate()
      .resize(options.size ?? PREVIEW_SIZE, options.size ?? PREVIEW_SIZE, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      // A 256-colour palette keeps a 96 px photo near 4 KB instead of 16 KB (and a large one small enough
      // to cross IPC at once).
      .png({ palette: true })
      .toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    return null;
  }
}
