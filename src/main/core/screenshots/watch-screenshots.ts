// "Upload my screenshots" in one step, for the app's button and `kiedrop watch --screenshots`: find the
// system's screenshot folder, watch it for new screenshots, and have each one's link copied when its
// upload finishes.
import { mkdir } from 'node:fs/promises';
import type { Settings } from '../../../shared/settings';
import type { FolderStatus, WatchService } from '../watch';
import type { ScreenshotFolder } from './screenshot-folder';
import { screenshotWatchFolder } from './screenshot-watch';

export interface WatchScreenshotsDeps {
  watch: Pick<WatchService, 'addFolder' | 'list'>;
  settings: {
    get(): Pick<Settings, 'copyLinkFolders'>;
    set(patch: Pick<Settings, 'copyLinkFolders'>): unknown;
  };
  /** The system's screenshot folder (findScreenshotFolder with this machine's platform, env and home). */
  find: () => Promise<ScreenshotFolder>;
}

export interface WatchedScreenshots {
  folder: FolderStatus;
  screenshots: ScreenshotFolder;
  /** false: the folder was already watched (its own settings are kept); its links are now copied. */
  added: boolean;
}

export async function watchScreenshots(deps: WatchScreenshotsDeps): Promise<WatchedScreenshots> {
  const screenshots = await deps.find();
  let folder = deps.watch.list().find((f) => f.path === screenshots.path);
  const added = folder === undefined;
  if (folder === undefined) {
    // The system makes this folder at the first screenshot (GNOME, Windows); watching needs it now.
    await mkdir(screenshots.path, { recursive: true });
    folder = await deps.watch.addFolder(screenshotWatchFolder(screenshots));
  }
  const copying = deps.settings.get().copyLinkFolders;
  if (!copying.includes(folder.path)) deps.settings.set({ copyLinkFolders: [...copying, folder.path] });
  return { folder, screenshots, added };
}
