// A watched folder's picture choices over Settings': what a picture dropped in it is sent as.
import { describe, expect, it } from 'vitest';
import { FOLLOW_SETTINGS, folderImageOptions } from '../../src/main/core/images/folder-image-options';
import type { ImageSettings } from '../../src/main/core/images/folder-image-options';
import { imageChoicesFromColumn, imageChoicesToColumn } from '../../src/main/core/watch/folder-images-column';
import { isPhotoFolder } from '../../src/main/core/watch/photo-folder';

const settingsOff: ImageSettings = {
  imageOptimize: false,
  imageFormat: 'webp',
  imageQuality: 80,
  imageMaxSide: null,
  stripMetadata: false,
};
const settingsOn: ImageSettings = {
  ...settingsOff,
  imageOptimize: true,
  imageFormat: 'avif',
  imageQuality: 60,
};

describe('folderImageOptions', () => {
  it('follows Settings: nothing when they ask nothing, their format and quality when they optimise', () => {
    expect(folderImageOptions(settingsOff, FOLLOW_SETTINGS)).toBeUndefined();
    expect(folderImageOptions(settingsOn, FOLLOW_SETTINGS)).toEqual({
      format: 'avif',
      quality: 60,
      maxSide: null,
      stripMetadata: false,
    });
  });

  it("uses the folder's own format, quality and size when it optimises, whatever Settings say", () => {
    const own = {
      ...FOLLOW_SETTINGS,
      imageMode: 'optimize' as const,
      imageFormat: 'jpeg' as const,
      imageMaxSide: 1920,
    };
    expect(folderImageOptions(settingsOff, own)).toEqual({
      format: 'jpeg',
      quality: 80,
      maxSide: 1920,
      stripMetadata: false,
    });
  });

  it('sends pictures as they are when the folder says so, even with Settings optimising', () => {
    expect(folderImageOptions(settingsOn, { ...FOLLOW_SETTINGS, imageMode: 'original' })).toBeUndefined();
  });

  it('removes location data alone (format kept) when only stripping is asked, and keeps it on "never"', () => {
    const strip = { ...FOLLOW_SETTINGS, imageMode: 'original' as const, imageStrip: 'always' as const };
    expect(folderImageOptions(settingsOff, strip)).toEqual({
      format: 'keep',
      quality: 95,
      maxSide: null,
      stripMetadata: true,
    });
    const never = { ...FOLLOW_SETTINGS, imageStrip: 'never' as const };
    expect(folderImageOptions({ ...settingsOn, stripMetadata: true }, never)?.stripMetadata).toBe(false);
    expect(folderImageOptions({ ...settingsOff, stripMetadata: true }, never)).toBeUndefined();
  });
});

describe('the saved picture choices', () => {
  it('are nothing while they follow Settings, and read back as saved otherwise', () => {
    expect(imageChoicesToColumn(FOLLOW_SETTINGS)).toBeNull();
    const own = {
      ...FOLLOW_SETTINGS,
      imageMode: 'optimize' as const,
      imageQuality: 75,
      imageStrip: 'always' as const,
    };
    expect(imageChoicesFromColumn(imageChoicesToColumn(own))).toEqual(own);
  });

  it('fall back to following Settings for a damaged value', () => {
    expect(imageChoicesFromColumn('{not json')).toEqual(FOLLOW_SETTINGS);
    expect(imageChoicesFromColumn('{"mode":"shrink","quality":500,"strip":"always"}')).toEqual({
      ...FOLLOW_SETTINGS,
      imageStrip: 'always',
    });
  });
});

describe('isPhotoFolder', () => {
  it.each([
    '/Users/li/Pictures/Screenshots',
    'C:/Users/li/Pictures/Camera Roll',
    '/home/li/Dropbox/Camera Uploads',
    '/media/li/CARD/DCIM',
    '/media/li/CARD/DCIM/100CANON',
    '/home/li/图片/截图',
    '/home/li/图片/屏幕截图',
    '/sdcard/camera',
  ])('counts %s', (path) => expect(isPhotoFolder(path)).toBe(true));

  it.each(['/home/li/Documents', '/home/camera-club/Notes', '/srv/screenshots-archive'])(
    'leaves %s alone',
    (path) => expect(isPhotoFolder(path)).toBe(false),
  );
});
