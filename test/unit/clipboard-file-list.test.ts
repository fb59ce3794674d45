// Copied files in the text formats file managers put on the clipboard.
import { describe, expect, it } from 'vitest';
import {
  parseFileListFromClipboardText,
  parseGnomeCopiedFiles,
  parseUriList,
} from '../../src/main/core/clipboard';

describe('text/uri-list', () => {
  it('reads one file URI per line (CRLF), skipping comments and non-file URIs, decoding escapes', () => {
    const text =
      '# copied by a file manager\r\nfile:///home/ana/a%20b.png\r\nhttps://x.test/c\r\nfile:///srv/shared/%C3%A9.txt\r\n';
    expect(parseUriList(text, { platform: 'linux' })).toEqual(['/home/ana/a b.png', '/srv/shared/é.txt']);
  });

  it('reads Windows file URIs as Windows paths', () => {
    expect(parseUriList('file:///C:/Users/ana/cat.png', { platform: 'win32' })).toEqual([
      'C:\\Users\\ana\\cat.png',
    ]);
  });

  it('skips files on other hosts, which cannot be read locally', () => {
    expect(parseUriList('file://nas/share/a.txt\nfile:///local.txt', { platform: 'linux' })).toEqual([
      '/local.txt',
    ]);
  });
});

describe('x-special/gnome-copied-files', () => {
  it('reads "copy" and "cut" lists', () => {
    expect(
      parseGnomeCopiedFiles('copy\nfile:///home/ana/a.png\nfile:///home/ana/b.png', { platform: 'linux' }),
    ).toEqual(['/home/ana/a.png', '/home/ana/b.png']);
    expect(parseGnomeCopiedFiles('cut\nfile:///x.txt', { platform: 'linux' })).toEqual(['/x.txt']);
  });

  it('returns nothing for text that is not such a list', () => {
    expect(parseGnomeCopiedFiles('hello\nfile:///x.txt', { platform: 'linux' })).toEqual([]);
  });
});

describe('parseFileListFromClipboardText', () => {
  it('detects either format', () => {
    expect(parseFileListFromClipboardText('copy\nfile:///a.txt', { platform: 'linux' })).toEqual(['/a.txt']);
    expect(parseFileListFromClipboardText('file:///a.txt\r\nfile:///b.txt', { platform: 'linux' })).toEqual([
      '/a.txt',
      '/b.txt',
    ]);
  });

  it('does not read a sentence that mentions a file URI as a file list', () => {
    expect(parseFileListFromClipboardText('see file:///a.txt for details', { platform: 'linux' })).toEqual(
      [],
    );
    expect(parseFileListFromClipboardText('file:///a.txt\nand some words', { platform: 'linux' })).toEqual(
      [],
    );
    expect(parseFileListFromClipboardText('', { platform: 'linux' })).toEqual([]);
  });
});
