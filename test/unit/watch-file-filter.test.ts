// Which files in a watched folder may upload: temporary names never, dotfiles by setting, globs by choice.
import { describe, expect, it } from 'vitest';
import { builtInSkip, createFileFilter, toPosixRelative } from '../../src/main/core/watch/file-filter';
import { validateGlobs } from '../../src/main/core/watch/file-filter';

const everything = createFileFilter({ include: [], exclude: [], ignoreDotfiles: true });

describe('temporary and system files', () => {
  it.each([
    'movie.mp4.crdownload',
    'photo.jpg.part',
    'archive.zip.partial',
    'song.mp3.download',
    'report.tmp',
    'REPORT.TMP',
    '~$budget.xlsx',
    'Thumbs.db',
    'desktop.ini',
  ])('never uploads %s', (name) => {
    expect(everything(name)).not.toBeNull();
    expect(everything(`sub/${name}`)).not.toBeNull();
  });

  it('skips .DS_Store and LibreOffice lock files even when dotfiles are allowed', () => {
    const withDots = createFileFilter({ include: [], exclude: [], ignoreDotfiles: false });
    expect(withDots('.DS_Store')).toBe('system');
    expect(withDots('.~lock.report.odt#')).toBe('temporary');
    expect(withDots('.env')).toBeNull();
  });

  it('uploads ordinary files, including names that merely contain a temporary word', () => {
    for (const name of [
      'photo.jpg',
      'part-1.txt',
      'tmp.png',
      'download.pdf',
      'notes.partial.md',
      'a~$b.txt',
    ]) {
      expect(everything(name)).toBeNull();
    }
    expect(builtInSkip('photo.jpg')).toBeNull();
  });
});

describe('dotfiles', () => {
  it('skips files in hidden folders and hidden files when the setting is on, and uploads them when off', () => {
    const withDots = createFileFilter({ include: [], exclude: [], ignoreDotfiles: false });
    for (const rel of ['.hidden.png', '.git/config', 'a/.cache/x.png']) {
      expect(everything(rel)).toBe('dotfile');
      expect(withDots(rel)).toBeNull();
    }
  });
});

describe('include and exclude globs', () => {
  it('matches patterns without a slash against the file name at any depth, ignoring case', () => {
    const images = createFileFilter({ include: ['*.png', '*.jpg'], exclude: [], ignoreDotfiles: true });
    expect(images('shot.png')).toBeNull();
    expect(images('2024/05/IMG_1.JPG')).toBeNull();
    expect(images('notes.txt')).toBe('not-included');
  });

  it('matches patterns with a slash against the path relative to the folder', () => {
    const filter = createFileFilter({
      include: ['shots/**'],
      exclude: ['shots/private/**'],
      ignoreDotfiles: true,
    });
    expect(filter('shots/a.png')).toBeNull();
    expect(filter('shots/deep/b.png')).toBeNull();
    expect(filter('other/a.png')).toBe('not-included');
    expect(filter('shots/private/c.png')).toBe('excluded');
  });

  it('lets exclude win over include', () => {
    const filter = createFileFilter({ include: ['*.png'], exclude: ['*-draft.png'], ignoreDotfiles: true });
    expect(filter('logo.png')).toBeNull();
    expect(filter('logo-draft.png')).toBe('excluded');
  });

  it('treats Windows separators like "/"', () => {
    expect(toPosixRelative('a\\b\\c.png')).toBe('a/b/c.png');
    const filter = createFileFilter({ include: ['a/b/*.png'], exclude: [], ignoreDotfiles: true });
    expect(filter('a\\b\\c.png')).toBeNull();
  });

  it('refuses an empty pattern with a message that says what to do', () => {
    expect(() => validateGlobs(['*.png', ' '], 'include')).toThrow(/empty include pattern.*"\*\.png"/);
  });
});
