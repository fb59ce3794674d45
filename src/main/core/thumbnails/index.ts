// Small previews of local pictures for the History list, decoded with sharp off the main thread,
// bounded in size and pixels, queued and cached. Plain Node: the OS thumbnailer stays in src/main.
export { createThumbnailer, MAX_CACHED, MAX_DECODES, MAX_SOURCE_BYTES } from './thumbnailer';
export type { Thumbnailer, ThumbnailerOptions } from './thumbnailer';
export { decodePreview, MAX_INPUT_PIXELS, PREVIEW_SIZE } from './decode-preview';
export type { PreviewOptions } from './decode-preview';
export { sniffImage } from './sniff-image';
export type { ImageFormat } from './sniff-image';
