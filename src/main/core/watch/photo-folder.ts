// Folders that hold photos or screenshots: their pictures often carry where they were taken, so such a
// folder removes location and camera data unless the person says otherwise.
import { basename, dirname } from 'node:path';

/** Folder names, lower case, that cameras, phones' sync apps and screenshot tools use. */
const PHOTO_FOLDER_NAMES = new Set([
  'dcim',
  'camera',
  'camera roll',
  'camera uploads',
  'screenshots',
  'screenshot',
  'screen shots',
  '截图',
  '截屏',
  '屏幕截图',
  '相机',
  '相机胶卷',
  '相機',
  '螢幕截圖',
]);

/** True for such a folder itself, or for one anywhere inside a camera card's DCIM folder. */
export function isPhotoFolder(path: string): boolean {
  const name = (p: string): string => basename(p).trim().toLowerCase();
  if (PHOTO_FOLDER_NAMES.has(name(path))) return true;
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    if (name(p) === 'dcim') return true;
  }
  return false;
}
