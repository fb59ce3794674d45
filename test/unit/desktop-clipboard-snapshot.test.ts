// What "Upload clipboard" finds on each platform's clipboard, from the payloads file managers really
// put there (as Electron's clipboard.read() hands them over: MIME types plus raw OS formats).
import { describe, expect, it } from 'vitest';
import {
  parseFileNameW,
  parseFilenamesPlist,
  rawFormat,
  snapshotClipboard,
} from '../../src/main/clipboard-snapshot';
import type { ClipboardItemLike } from '../../src/main/clipboard-snapshot';

/** One clipboard item offering these formats, with Blob payloads like Electron's. */
function item(formats: Record<string, string | Buffer>): ClipboardItemLike {
  return {
    types: Object.keys(formats),
    async getType(type) {
      const value = formats[type];
      if (value === undefined) throw new Error(`${type} is not on the clipboard`);
      return new Blob([typeof value === 'string' ? value : new Uint8Array(value)]);
    },
  };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('copied files', () => {
  it('reads GNOME Files / Nemo copies on Linux, with spaces and non-ASCII names decoded', async () => {
    const snap = await snapshotClipboard(
      [
        item({
          [rawFormat('x-special/gnome-copied-files')]:
            'copy\nfile:///home/ana/Pictures/beach%20day.jpg\nfile:///home/ana/%E6%96%87%E6%A1%A3.pdf',
          'text/plain': '/home/ana/Pictures/beach day.jpg',
        }),
      ],
      'linux',
    );
    expect(snap).toEqual({
      filePaths: ['/home/ana/Pictures/beach day.jpg', '/home/ana/文档.pdf'],
      imagePng: null,
      text: '',
    });
  });

  it('reads a Dolphin copy (text/uri-list) on Linux', async () => {
    const snap = await snapshotClipboard(
      [item({ 'text/uri-list': 'file:///home/ana/a.txt\r\nfile:///home/ana/b.txt\r\n' })],
      'linux',
    );
    expect(snap.filePaths).toEqual(['/home/ana/a.txt', '/home/ana/b.txt']);
  });

  it('reads an Explorer copy on Windows from FileNameW (UTF-16, NUL-terminated)', async () => {
    const wide = Buffer.from('C:\\Users\\Ana\\Desktop\\报告 final.docx\0', 'utf16le');
    const snap = await snapshotClipboard([item({ [rawFormat('FileNameW')]: wide })], 'win32');
    expect(snap.filePaths).toEqual(['C:\\Users\\Ana\\Desktop\\报告 final.docx']);
    expect(parseFileNameW(wide)).toEqual(['C:\\Users\\Ana\\Desktop\\报告 final.docx']);
  });

  it('prefers the full uri-list over FileNameW, which holds only the first of several files', async () => {
    const snap = await snapshotClipboard(
      [
        item({
          [rawFormat('FileNameW')]: Buffer.from('C:\\a.txt\0', 'utf16le'),
          'text/uri-list': 'file:///C:/a.txt\r\nfile:///C:/b.txt',
        }),
      ],
      'win32',
    );
    expect(snap.filePaths).toEqual(['C:\\a.txt', 'C:\\b.txt']);
  });

  it('reads a Finder copy of several files (NSFilenamesPboardType) on macOS, ahead of the file icon image', async () => {
    const plist =
      '<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><array>' +
      '<string>/Users/ana/Q&amp;A.txt</string><string>/Users/ana/photo.heic</string></array></plist>';
    const snap = await snapshotClipboard(
      [item({ [rawFormat('NSFilenamesPboardType')]: plist, 'image/png': PNG, 'text/plain': 'Q&A.txt' })],
      'darwin',
    );
    expect(snap).toEqual({
      filePaths: ['/Users/ana/Q&A.txt', '/Users/ana/photo.heic'],
      imagePng: null,
      text: '',
    });
    expect(parseFilenamesPlist(plist)).toHaveLength(2);
  });

  it('reads a single Finder file from public.file-url on macOS', async () => {
    const snap = await snapshotClipboard(
      [item({ [rawFormat('public.file-url')]: 'file:///Users/ana/My%20Notes.md' })],
      'darwin',
    );
    expect(snap.filePaths).toEqual(['/Users/ana/My Notes.md']);
  });
});

describe('images and text', () => {
  it('takes a screenshot as PNG bytes', async () => {
    const snap = await snapshotClipboard([item({ 'image/png': PNG })], 'linux');
    expect(snap.imagePng?.equals(PNG)).toBe(true);
    expect(snap.filePaths).toEqual([]);
  });

  it('takes copied text as it is, for links to be recognised later', async () => {
    const snap = await snapshotClipboard([item({ 'text/plain': 'https://example.com/a.png' })], 'win32');
    expect(snap).toEqual({ filePaths: [], imagePng: null, text: 'https://example.com/a.png' });
  });

  it('finds nothing on an empty clipboard', async () => {
    expect(await snapshotClipboard([], 'darwin')).toEqual({ filePaths: [], imagePng: null, text: '' });
  });
});
