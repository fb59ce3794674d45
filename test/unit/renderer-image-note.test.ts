// The note of an optimised upload as the History row and the Upload screen say it: by its code in the
// person's language; an older entry's English sentence without a code as it is.
import { describe, expect, it } from 'vitest';
import { imageNoteText } from '../../src/renderer/src/format/image-note';
import { createTranslator } from '../../src/renderer/src/i18n/translate';
import { IMAGE_NOTE_CODES, IMAGE_NOTE_ENGLISH } from '../../src/shared/image-note';

const zh = createTranslator('zh-CN');
const en = createTranslator('en');
const sizes = { originalSize: 10, uploadedSize: 10 };

describe('imageNoteText', () => {
  it('says each code in Chinese, and in English as the command line does', () => {
    for (const code of IMAGE_NOTE_CODES) {
      const image = { ...sizes, note: IMAGE_NOTE_ENGLISH[code], noteCode: code };
      expect(imageNoteText(image, en)).toBe(IMAGE_NOTE_ENGLISH[code]);
      expect(imageNoteText(image, zh)).not.toBe(IMAGE_NOTE_ENGLISH[code]);
    }
    expect(imageNoteText({ ...sizes, note: 'x', noteCode: 'not-an-image' }, zh)).toBe(
      '不是 KieDrop 能优化的图片，已原样上传。',
    );
  });

  it('shows an older sentence without a code as it is, and nothing without a note', () => {
    expect(imageNoteText({ ...sizes, note: 'Worded otherwise.', noteCode: null }, zh)).toBe(
      'Worded otherwise.',
    );
    expect(imageNoteText({ ...sizes, note: null, noteCode: null }, zh)).toBeNull();
    expect(imageNoteText(undefined, zh)).toBeNull();
  });
});
