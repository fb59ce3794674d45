// Rows show what kind of file each upload was at a glance: a clip, a song, an archive, a document or code
// each get their own icon, whether the server reported a precise type or only a generic one.
import { describe, expect, it } from 'vitest';
import { FILE_KIND_ICON } from '../../src/renderer/src/components/file-kind-icon';
import { fileKindOf } from '../../src/renderer/src/format/file-kind';
import type { FileKind } from '../../src/renderer/src/format/file-kind';

describe('the kind of file a row shows', () => {
  it('reads video, audio and images from the content type', () => {
    expect(fileKindOf('video/mp4', 'clip.mp4')).toBe('video');
    expect(fileKindOf('video/quicktime', 'IMG_0042.MOV')).toBe('video');
    expect(fileKindOf('video/webm', 'screen.webm')).toBe('video');
    expect(fileKindOf('audio/wav', 'take-3.wav')).toBe('audio');
    expect(fileKindOf('audio/mpeg', 'song.mp3')).toBe('audio');
    expect(fileKindOf('audio/flac', 'album.flac')).toBe('audio');
    expect(fileKindOf('image/svg+xml', 'logo.svg')).toBe('image');
  });

  it('reads archives, documents and code from the content type', () => {
    expect(fileKindOf('application/zip', 'bundle.zip')).toBe('archive');
    expect(fileKindOf('application/x-tar', 'backup.tar')).toBe('archive');
    expect(fileKindOf('application/gzip', 'logs.tar.gz')).toBe('archive');
    expect(fileKindOf('application/x-7z-compressed', 'set.7z')).toBe('archive');
    expect(fileKindOf('application/pdf', 'invoice.pdf')).toBe('document');
    expect(
      fileKindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'cv.docx'),
    ).toBe('document');
    expect(fileKindOf('text/markdown', 'README.md')).toBe('code');
    expect(fileKindOf('text/plain; charset=utf-8', 'notes.txt')).toBe('code');
    expect(fileKindOf('application/json', 'data.json')).toBe('code');
  });

  it('falls back to the extension when the type is missing or generic', () => {
    expect(fileKindOf('application/octet-stream', 'holiday.MP4')).toBe('video');
    expect(fileKindOf('', 'voice.flac')).toBe('audio');
    expect(fileKindOf(null, 'site.tar.gz')).toBe('archive');
    expect(fileKindOf(null, 'report.pdf')).toBe('document');
    expect(fileKindOf(undefined, 'main.ts')).toBe('code');
    expect(fileKindOf(null, 'photo.jpeg')).toBe('image');
  });

  it('shows a plain file when neither says anything', () => {
    expect(fileKindOf('application/octet-stream', 'blob.bin')).toBe('file');
    expect(fileKindOf(null, 'Makefile')).toBe('file');
    expect(fileKindOf(null, '.bashrc')).toBe('file');
    expect(fileKindOf(null, 'trailing-dot.')).toBe('file');
  });

  it('gives every kind its own icon', () => {
    const kinds: FileKind[] = ['image', 'video', 'audio', 'archive', 'document', 'code', 'file'];
    const icons = kinds.map((kind) => FILE_KIND_ICON[kind]);
    expect(new Set(icons).size).toBe(kinds.length);
  });
});
