// "Upload my screenshots": the watched folder that uploads each new screenshot the system saves.
import type { NewWatchFolder } from '../watch';
import type { ScreenshotFolder } from './screenshot-folder';

/** Server folder screenshots go to, so they are told apart from other uploads. */
export const SCREENSHOT_UPLOAD_PATH = 'screenshots';

/**
 * Only screenshots taken from now on (the ones already there stay local), only the system's screenshot
 * names (the Desktop holds other files too), and not the folders inside it. Location and camera data are
 * removed (a screenshot tool may record where it was taken); the folder's settings can turn that off.
 */
export function screenshotWatchFolder(folder: ScreenshotFolder): NewWatchFolder {
  return {
    path: folder.path,
    include: [...folder.include],
    recursive: false,
    uploadPath: SCREENSHOT_UPLOAD_PATH,
    existingFiles: 'skip',
    imageStrip: 'always',
  };
}
