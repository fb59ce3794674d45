// A watched folder's pictures: its own choices laid over Settings' at the moment a file is queued, so
// a folder that follows Settings picks up a change made there without being edited.
import type { Settings } from '../../../shared/settings';
import type { WatchFolderSettings } from '../../../shared/watch';
import { imageOptionsFromSettings } from './from-settings';
import type { ImageOptions } from './types';

export type ImageSettings = Pick<
  Settings,
  'imageOptimize' | 'imageFormat' | 'imageQuality' | 'imageMaxSide' | 'stripMetadata'
>;

export type FolderImageChoices = Pick<
  WatchFolderSettings,
  'imageMode' | 'imageFormat' | 'imageQuality' | 'imageMaxSide' | 'imageStrip'
>;

/** What a folder saved before it had choices, and a new one that is not a photo folder, does. */
export const FOLLOW_SETTINGS: FolderImageChoices = {
  imageMode: 'settings',
  imageFormat: 'webp',
  imageQuality: 80,
  imageMaxSide: null,
  imageStrip: 'settings',
};

/** The processing for a picture from this folder; undefined sends it as it is. */
export function folderImageOptions(
  settings: ImageSettings,
  folder: FolderImageChoices,
): ImageOptions | undefined {
  const own = folder.imageMode === 'optimize';
  const from = own ? folder : settings;
  return imageOptionsFromSettings({
    imageOptimize: folder.imageMode === 'settings' ? settings.imageOptimize : own,
    imageFormat: from.imageFormat,
    imageQuality: from.imageQuality,
    imageMaxSide: from.imageMaxSide,
    stripMetadata: folder.imageStrip === 'settings' ? settings.stripMetadata : folder.imageStrip === 'always',
  });
}
