// Local copies of URL uploads (so they can be renewed after their link died) and downloads of links.
export { CopyStore, copiesFolder, COPIES_FOLDER_NAME } from './copy-store';
export type { SavedCopy } from './copy-store';
export { runCopyPass, retryDelayMs } from './copy-pass';
export type { CopyPassDeps, CopyPassReport } from './copy-pass';
export { downloadLink, DownloadError } from './download-link';
export type { Downloaded, DownloadOptions } from './download-link';
