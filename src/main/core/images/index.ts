// Image optimisation before upload: convert, shrink, strip metadata. Plain Node, no Electron.
export {
  optimizeImage,
  NOTE_NOT_AN_IMAGE,
  NOTE_UNREADABLE,
  NOTE_NOT_SMALLER,
  NOTE_ANIMATED,
} from './optimize-image';
export type { OptimizeTarget } from './optimize-image';
export { nameWithExtension } from './upload-name';
export {
  DEFAULT_IMAGE_OPTIONS,
  IMAGE_TARGET_FORMATS,
  clampQuality,
  isImageTargetFormat,
  parseImageOptions,
} from './types';
export type { ImageOptions, ImageTargetFormat, OptimizeOutcome } from './types';
export {
  IMAGE_TEMP_FOLDER_NAME,
  attachImageOptions,
  imageOptionsOf,
  imageTempFolder,
  recordImageSizes,
  sweepImageTemp,
} from './job-images';
export type { ImageAttempt } from './job-images';
export { prepareJobImage } from './prepare-job-image';
export type { PreparedImage } from './prepare-job-image';
export { imageOptionsFromSettings, STRIP_ONLY_QUALITY } from './from-settings';
