// History previews made off the main thread. Cached per file version (path, size, mtime), so a row
// scrolled back into view costs one stat and an edited file gets a new preview; at most a couple of
// decodes at once, so a fast scroll queues instead of filling libuv's thread pool, which uploads'
// file reads share.
import { stat } from 'node:fs/promises';
import type { ThumbnailAdapter } from '../app-service';
import { decodePreview } from './decode-preview';
import { limitConcurrency } from './limit-concurrency';
import { LruCache } from './lru-cache';

export const MAX_DECODES = 2;
/** A 96 px palette PNG is under 15 KB as a data: URL, so the cache stays under 3 MB. */
export const MAX_CACHED = 200;
/** 64 MiB, the cap history:thumbnail applies too: far above a camera JPEG or a screenshot. The pixel
 * limit bounds memory; this bounds the bytes a decoder may have to read through for one small picture. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export interface ThumbnailerOptions {
  /** Makes one preview; tests swap it to watch the queue. Default: decodePreview. */
  decode?: (path: string) => Promise<string | null>;
  maxDecodes?: number;
  maxCached?: number;
  maxSourceBytes?: number;
}

export interface Thumbnailer extends ThumbnailAdapter {
  /** Files handed to the decoder so far (cache misses). */
  readonly decodes: number;
}

export function createThumbnailer(options: ThumbnailerOptions = {}): Thumbnailer {
  const decode = options.decode ?? ((path: string) => decodePreview(path));
  const maxSourceBytes = options.maxSourceBytes ?? MAX_SOURCE_BYTES;
  const limit = limitConcurrency(options.maxDecodes ?? MAX_DECODES);
  // Promises, so a second request during the first decode shares it.
  const cache = new LruCache<string, Promise<string | null>>(options.maxCached ?? MAX_CACHED);
  let decodes = 0;

  const decodeInTurn = (path: string): Promise<string | null> =>
    limit(() => {
      decodes += 1;
      return decode(path);
    }).catch(() => null);

  return {
    get decodes() {
      return decodes;
    },
    async fromFile(path) {
      const info = await stat(path, { bigint: true }).catch(() => null);
      if (info === null || !info.isFile() || info.size === 0n || info.size > maxSourceBytes) return null;
      const key = `${path}\0${info.size}\0${info.mtimeNs}`;
      let preview = cache.get(key);
      if (preview === undefined) {
        preview = decodeInTurn(path);
        cache.set(key, preview);
      }
      return preview;
    },
  };
}
