export { defaultRunner, findScreenshotFolder } from './screenshot-folder';
export type { CommandRunner, ScreenshotFolder, ScreenshotFolderInput } from './screenshot-folder';
export { screenshotWatchFolder } from './screenshot-watch';
export { watchScreenshots } from './watch-screenshots';
export type { WatchedScreenshots, WatchScreenshotsDeps } from './watch-screenshots';
