// Why "Upload clipboard" did nothing, in words the user can act on.

export type ClipboardErrorKind = 'clipboard-empty' | 'clipboard-unsupported';

export class ClipboardUploadError extends Error {
  readonly kind: ClipboardErrorKind;

  constructor(kind: ClipboardErrorKind, message: string) {
    super(message);
    this.name = 'ClipboardUploadError';
    this.kind = kind;
  }
}

export function isClipboardUploadError(err: unknown): err is ClipboardUploadError {
  return err instanceof ClipboardUploadError;
}

export const CLIPBOARD_EMPTY_MESSAGE =
  'The clipboard is empty. Copy an image, some files or an http(s) link, then try again.';

export const CLIPBOARD_UNSUPPORTED_MESSAGE =
  'The clipboard holds text that is not a link. Copy an image, some files or an http(s) link, then try again.';
