// Small previews of local image files. The OS thumbnailer first where Electron has one (macOS, Windows:
// it works off the main thread); elsewhere, and when it has nothing, the core thumbnailer decodes the
// file with sharp on libvips' threads, queued and cached. Nothing here decodes on the main thread.
import { nativeImage } from 'electron';
import type { ThumbnailAdapter } from './core/app-service';
import { createThumbnailer, PREVIEW_SIZE } from './core/thumbnails';

const decoded = createThumbnailer();

export const electronThumbnails: ThumbnailAdapter = {
  async fromFile(path) {
    if (process.platform === 'darwin' || process.platform === 'win32') {
      try {
        const size = { width: PREVIEW_SIZE, height: PREVIEW_SIZE };
        const thumb = await nativeImage.createThumbnailFromPath(path, size);
        if (!thumb.isEmpty()) return thumb.toDataURL();
      } catch {
        // Fall through to decoding it ourselves.
      }
    }
    return decoded.fromFile(path);
  },
};
