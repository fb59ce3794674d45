// Why an optimised upload went up unchanged (or larger): a stable code, stored in history.image_note and
// job_images.note, that the window says in the person's language and the command line in English.
// Entries written before the codes were kept hold the English sentence itself; those are read as they are.

export const IMAGE_NOTE_CODES = [
  'not-an-image',
  'unreadable',
  'not-smaller',
  'animated',
  'larger-but-stripped',
] as const;
export type ImageNoteCode = (typeof IMAGE_NOTE_CODES)[number];

/** The English sentence of each code: for the command line, its --json output and the logs. */
export const IMAGE_NOTE_ENGLISH: Readonly<Record<ImageNoteCode, string>> = {
  'not-an-image': 'Not a picture KieDrop can optimise; sent unchanged.',
  unreadable: 'The picture could not be read for optimising; sent unchanged.',
  'not-smaller': 'Optimising did not make it smaller; the original was sent.',
  animated: 'Animated pictures are sent unchanged.',
  'larger-but-stripped':
    'Optimising did not make it smaller; the processed copy was sent so its metadata stays removed.',
};

export function isImageNoteCode(value: string): value is ImageNoteCode {
  return (IMAGE_NOTE_CODES as readonly string[]).includes(value);
}

/** A stored note as a code and its English sentence. An older entry's sentence is matched back to its
 * code when it is one the app wrote; any other text is kept as it is, without a code. */
export function readImageNote(stored: string | null): { code: ImageNoteCode | null; text: string } | null {
  if (stored === null || stored === '') return null;
  if (isImageNoteCode(stored)) return { code: stored, text: IMAGE_NOTE_ENGLISH[stored] };
  const code = IMAGE_NOTE_CODES.find((c) => IMAGE_NOTE_ENGLISH[c] === stored) ?? null;
  return { code, text: stored };
}
