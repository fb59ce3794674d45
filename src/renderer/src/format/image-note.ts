// Why an optimised upload went up unchanged (or larger), in the person's language by its code; an older
// entry's English sentence, kept without a code, is shown as it is.
import type { ImageSizes } from '../../../shared/domain';
import type { ImageNoteCode } from '../../../shared/image-note';
import type { MessageKey, TFunction } from '../i18n/messages';

const KEY: Record<ImageNoteCode, MessageKey> = {
  'not-an-image': 'images.note.notAnImage',
  unreadable: 'images.note.unreadable',
  'not-smaller': 'images.note.notSmaller',
  animated: 'images.note.animated',
  'larger-but-stripped': 'images.note.largerButStripped',
};

/** Null when the upload was simply optimised, or not optimised at all. */
export function imageNoteText(image: ImageSizes | undefined, t: TFunction): string | null {
  if (image === undefined) return null;
  if (image.noteCode !== null) return (t as (key: MessageKey) => string)(KEY[image.noteCode]);
  return image.note;
}
