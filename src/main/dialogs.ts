// The native file pickers, attached to the main window when there is one.
import { dialog, type BrowserWindow } from 'electron';
import type { DialogAdapter } from './core/app-service';

export function electronDialogs(getWindow: () => BrowserWindow | null): DialogAdapter {
  return {
    async pickFiles() {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: 'Choose files to upload',
        properties: ['openFile', 'multiSelections'],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(defaultName) {
      const window = getWindow();
      const options: Electron.SaveDialogOptions = { title: 'Export history', defaultPath: defaultName };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFolder() {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a folder to watch',
        buttonLabel: 'Watch folder',
        // createDirectory: macOS only; lets a person make a fresh "To upload" folder right here.
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
