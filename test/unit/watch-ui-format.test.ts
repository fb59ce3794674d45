// What the Watch screen shows and accepts: a folder's short name, patterns typed or pasted into a tag
// field, and the quiet period typed in seconds.
import { describe, expect, it } from 'vitest';
import { MAX_QUIET_MS, MIN_QUIET_MS } from '../../src/main/core/watch';
import {
  addPatterns,
  displayPath,
  folderName,
  parseQuietSeconds,
  quietSecondsText,
} from '../../src/shared/watch-format';
import { WATCH_QUIET_RANGE_MS } from '../../src/shared/watch';

describe('folder names', () => {
  it('shows the last part of a path on every platform', () => {
    expect(folderName('/home/ana/Pictures/Screenshots')).toBe('Screenshots');
    expect(folderName('/home/ana/Downloads/')).toBe('Downloads');
    expect(folderName('C:\\Users\\Ana\\Desktop\\To upload')).toBe('To upload');
    expect(folderName('\\\\nas\\share\\scans\\')).toBe('scans');
  });

  it('keeps a drive or the root readable instead of showing nothing', () => {
    expect(folderName('D:\\')).toBe('D:\\');
    expect(folderName('/')).toBe('/');
  });
});

describe('pattern tags', () => {
  it('adds a typed pattern, trimmed', () => {
    expect(addPatterns(['*.png'], '  *.jpg ')).toEqual(['*.png', '*.jpg']);
  });

  it('splits a pasted list on commas and new lines, dropping blanks and repeats', () => {
    expect(addPatterns(['*.png'], '*.jpg, *.png,,\nshots/**\n')).toEqual(['*.png', '*.jpg', 'shots/**']);
  });

  it('adds nothing for blank input', () => {
    expect(addPatterns(['*.png'], ' , ')).toEqual(['*.png']);
  });
});

describe('quiet period in seconds', () => {
  it('shows milliseconds as plain seconds', () => {
    expect(quietSecondsText(2000)).toBe('2');
    expect(quietSecondsText(1500)).toBe('1.5');
    expect(quietSecondsText(250)).toBe('0.25');
  });

  it('reads seconds typed with a point or a comma', () => {
    expect(parseQuietSeconds('2')).toBe(2000);
    expect(parseQuietSeconds(' 1.5 ')).toBe(1500);
    expect(parseQuietSeconds('0,5')).toBe(500);
    expect(parseQuietSeconds('.25')).toBe(250);
  });

  it('refuses text, negatives and values the watcher would refuse', () => {
    for (const text of ['', 'soon', '-1', '1e3', '0.05', '601', '2 s'])
      expect(parseQuietSeconds(text)).toBeNull();
    expect(parseQuietSeconds('600')).toBe(600_000);
    expect(parseQuietSeconds('0.1')).toBe(100);
  });

  it('checks against the same limits as the watch service', () => {
    expect(WATCH_QUIET_RANGE_MS).toEqual({ min: MIN_QUIET_MS, max: MAX_QUIET_MS });
  });
});

describe('displayPath', () => {
  it('shows folders inside the home folder with "~", as file managers do', () => {
    expect(displayPath('/home/ana/Pictures/Screenshots', '/home/ana', 'linux')).toBe(
      '~/Pictures/Screenshots',
    );
    expect(displayPath('/home/ana', '/home/ana/', 'darwin')).toBe('~');
  });

  it('leaves other folders, look-alike prefixes and Windows paths whole', () => {
    expect(displayPath('/mnt/share/in', '/home/ana', 'linux')).toBe('/mnt/share/in');
    expect(displayPath('/home/anabel/in', '/home/ana', 'linux')).toBe('/home/anabel/in');
    expect(displayPath('C:\\Users\\ana\\Shots', 'C:\\Users\\ana', 'win32')).toBe('C:\\Users\\ana\\Shots');
  });
});
