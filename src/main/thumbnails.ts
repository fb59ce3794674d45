// Small previews of local image files. The OS thumbnailer where Electron has one (macOS, Windows);
// elsewhere the image is decoded and scaled down (PNG and JPEG; other formats get no preview).
import { nativeImage } from 'electron';
import type { ThumbnailAdapter } from './core/app-service';

const SIZE = 96;

export const electronThumbnails: ThumbnailAdapter = {
  async fromFile(path) {
    if (process.platform === 'darwin' || process.platform === 'win32') {
      try {
        const thumb = await nativeImage.createThumbnailFromPath(path, { width: SIZE, height: SIZE });
        if (!thumb.isEmpty()) return thumb.toDataURL();
      } catch {
        // Fall through to decoding it ourselves.
      }
    }
    const image = nativeImage.createFromPath(path);
    if (image.isEmpty()) return null;
    const { width, height } = image.getSize();
    const scaled = width >= height ? image.resize({ width: SIZE }) : image.resize({ height: SIZE });
    return scaled.toDataURL();
  },
};
