// Clipboard uploads (image → Base64, files → stream, links → URL upload), the copied-file formats,
// the global shortcut's validation and rebinding, and the command-line clipboard. Plain Node: the
// Electron clipboard and globalShortcut come in as adapters.
export { uploadClipboard } from './upload-clipboard';
export type {
  ClipboardUploadResult,
  ClipboardUploadSettings,
  UploadClipboardOptions,
} from './upload-clipboard';
export { classifyClipboard } from './classify-clipboard';
export type { ClipboardAdapter, ClipboardContent } from './classify-clipboard';
export {
  ClipboardUploadError,
  CLIPBOARD_EMPTY_MESSAGE,
  CLIPBOARD_UNSUPPORTED_MESSAGE,
  isClipboardUploadError,
} from './errors';
export type { ClipboardErrorKind } from './errors';
export { parseFileListFromClipboardText, parseGnomeCopiedFiles, parseUriList } from './file-list';
export type { FileListOptions } from './file-list';
export { clipboardImageName } from './image-file-name';
export { parseAccelerator } from './accelerator';
export type { AcceleratorCheck, ModifierName } from './accelerator';
export { rebindShortcut } from './rebind-shortcut';
export type { RebindResult, ShortcutRegistry } from './rebind-shortcut';
export { clipboardTools, copyWithSystemTool } from './system-clipboard';
export type { ClipboardTool } from './system-clipboard';
