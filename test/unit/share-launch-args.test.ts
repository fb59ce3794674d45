// How KieDrop reads the command line a file manager (or a second instance) hands it.
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../src/main/core/share';

describe('parseLaunchArgs on Linux and macOS', () => {
  const cwd = '/home/ana/Pictures';

  it('takes --share paths, resolving relative ones against the launch folder', () => {
    const r = parseLaunchArgs(
      ['/opt/KieDrop/kiedrop', '--share', 'a.png', '/srv/shared/b c.txt', '../notes.md'],
      cwd,
      {
        platform: 'linux',
      },
    );
    expect(r).toEqual({
      share: ['/home/ana/Pictures/a.png', '/srv/shared/b c.txt', '/home/ana/notes.md'],
      urls: [],
    });
  });

  it('treats bare paths as a share too (Open With passes only paths)', () => {
    expect(parseLaunchArgs(['/opt/KieDrop/kiedrop', 'photo.jpg'], cwd, { platform: 'linux' }).share).toEqual([
      '/home/ana/Pictures/photo.jpg',
    ]);
  });

  it('turns file:// URIs (from %U) into paths, decoding escapes, and skips remote hosts', () => {
    const r = parseLaunchArgs(
      ['kiedrop', '--share', 'file:///home/ana/My%20Files/r%C3%A9sum%C3%A9.pdf', 'file://server/share/x.txt'],
      cwd,
      { platform: 'linux' },
    );
    expect(r.share).toEqual(['/home/ana/My Files/résumé.pdf']);
  });

  it('keeps http(s) links apart for URL uploads', () => {
    const r = parseLaunchArgs(['kiedrop', 'https://example.com/cat.jpg', 'a.txt'], cwd, {
      platform: 'linux',
    });
    expect(r).toEqual({ share: ['/home/ana/Pictures/a.txt'], urls: ['https://example.com/cat.jpg'] });
  });

  it('ignores Electron and Chromium switches wherever they appear, and the macOS -psn argument', () => {
    const argv = [
      '/opt/KieDrop/kiedrop',
      '--no-sandbox',
      '--user-data-dir=/srv/profile',
      '--share',
      '--inspect',
      'a.png',
      '--allow-file-access-from-files',
      'b.png',
      '-psn_0_123456',
    ];
    expect(parseLaunchArgs(argv, cwd, { platform: 'darwin' }).share).toEqual([
      '/home/ana/Pictures/a.png',
      '/home/ana/Pictures/b.png',
    ]);
  });

  it('skips the app folder in development (electron .), but shares "." when it was asked for', () => {
    const dev = ['/repo/node_modules/electron/dist/electron', '.', '--share', 'x.txt'];
    expect(parseLaunchArgs(dev, cwd, { platform: 'linux', defaultApp: true }).share).toEqual([
      '/home/ana/Pictures/x.txt',
    ]);
    expect(parseLaunchArgs(['kiedrop', '--share', '.'], cwd, { platform: 'linux' }).share).toEqual([
      '/home/ana/Pictures',
    ]);
  });

  it('reads --share=path and everything after -- as paths, even names starting with a dash', () => {
    const r = parseLaunchArgs(['kiedrop', '--share=one.txt', '--', '-odd name.txt'], cwd, {
      platform: 'linux',
    });
    expect(r.share).toEqual(['/home/ana/Pictures/one.txt', '/home/ana/Pictures/-odd name.txt']);
  });

  it('lists a path once even when given twice', () => {
    const r = parseLaunchArgs(['kiedrop', 'a.txt', './a.txt', 'file:///home/ana/Pictures/a.txt'], cwd, {
      platform: 'linux',
    });
    expect(r.share).toEqual(['/home/ana/Pictures/a.txt']);
  });

  it('returns nothing for a plain start', () => {
    expect(parseLaunchArgs(['kiedrop', '--no-sandbox'], cwd, { platform: 'linux' })).toEqual({
      share: [],
      urls: [],
    });
  });
});

describe('parseLaunchArgs on Windows', () => {
  const cwd = 'C:\\Users\\ana\\Desktop';
  const exe = 'C:\\Program Files\\KieDrop\\KieDrop.exe';

  it('reads what Explorer passes for "%1": drive paths, relative names and UNC shares', () => {
    const r = parseLaunchArgs(
      [exe, '--share', 'C:\\Users\\ana\\Desktop\\report.pdf', 'notes.txt', '\\\\nas\\photos\\a.jpg'],
      cwd,
      { platform: 'win32' },
    );
    expect(r.share).toEqual([
      'C:\\Users\\ana\\Desktop\\report.pdf',
      'C:\\Users\\ana\\Desktop\\notes.txt',
      '\\\\nas\\photos\\a.jpg',
    ]);
  });

  it('repairs a drive root that arrives as C:" because of the "%1" quoting', () => {
    expect(parseLaunchArgs([exe, '--share', 'D:"'], cwd, { platform: 'win32' }).share).toEqual(['D:\\']);
  });

  it('reads file:///C:/ URIs as Windows paths', () => {
    const r = parseLaunchArgs([exe, 'file:///C:/Users/ana/My%20Pictures/cat.png'], cwd, {
      platform: 'win32',
    });
    expect(r.share).toEqual(['C:\\Users\\ana\\My Pictures\\cat.png']);
  });
});
