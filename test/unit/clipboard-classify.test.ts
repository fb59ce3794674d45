// What "Upload clipboard" decides to do with what is on the clipboard.
import { describe, expect, it } from 'vitest';
import { classifyClipboard, clipboardImageName, isClipboardUploadError } from '../../src/main/core/clipboard';
import type { ClipboardAdapter } from '../../src/main/core/clipboard';

function board(over: Partial<{ png: Buffer | null; files: string[]; text: string }>): ClipboardAdapter {
  return {
    readImagePng: () => over.png ?? null,
    readFilePaths: () => over.files ?? [],
    readText: () => over.text ?? '',
    writeText: () => undefined,
  };
}

function errorKind(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return isClipboardUploadError(err) ? err.kind : 'other';
  }
}

describe('classifyClipboard', () => {
  it('copied files win over the icon image and name text that come with them', () => {
    const c = classifyClipboard(board({ files: ['/a.png'], png: Buffer.from('icon'), text: 'a.png' }));
    expect(c).toEqual({ kind: 'files', paths: ['/a.png'] });
  });

  it('an image wins over text', () => {
    const c = classifyClipboard(board({ png: Buffer.from('png'), text: 'Screenshot' }));
    expect(c.kind).toBe('image');
  });

  it('one or several http(s) links, one per line, become URL uploads', () => {
    expect(classifyClipboard(board({ text: '  https://x.test/a.jpg \n' }))).toEqual({
      kind: 'urls',
      urls: ['https://x.test/a.jpg'],
    });
    expect(
      classifyClipboard(board({ text: 'https://x.test/a\r\nhttp://y.test/b\nhttps://x.test/a' })),
    ).toEqual({
      kind: 'urls',
      urls: ['https://x.test/a', 'http://y.test/b'],
    });
  });

  it('a file list copied as text counts as files', () => {
    expect(classifyClipboard(board({ text: 'file:///srv/shared/a.txt' }))).toEqual({
      kind: 'files',
      paths: ['/srv/shared/a.txt'],
    });
  });

  it('empty clipboard (or an empty image) → clipboard-empty', () => {
    expect(errorKind(() => classifyClipboard(board({})))).toBe('clipboard-empty');
    expect(errorKind(() => classifyClipboard(board({ png: Buffer.alloc(0), text: '   ' })))).toBe(
      'clipboard-empty',
    );
  });

  it('other text, other schemes or a sentence with a link → clipboard-unsupported', () => {
    expect(errorKind(() => classifyClipboard(board({ text: 'hello world' })))).toBe('clipboard-unsupported');
    expect(errorKind(() => classifyClipboard(board({ text: 'ftp://x.test/a' })))).toBe(
      'clipboard-unsupported',
    );
    expect(errorKind(() => classifyClipboard(board({ text: 'look: https://x.test/a' })))).toBe(
      'clipboard-unsupported',
    );
  });
});

describe('clipboardImageName', () => {
  it('names the image after the local time, zero-padded', () => {
    expect(clipboardImageName(new Date(2025, 0, 5, 9, 3, 7))).toBe('clipboard-20250105-090307.png');
    expect(clipboardImageName(new Date(2025, 11, 31, 23, 59, 59))).toBe('clipboard-20251231-235959.png');
  });
});
