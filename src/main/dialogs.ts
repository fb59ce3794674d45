// The native file pickers, attached to the main window when there is one.
import { dialog, type BrowserWindow } from 'electron';
import type { DialogAdapter } from './core/app-service';

export function electronDialogs(getWindow: () => BrowserWindow | null): DialogAdapter {
  const showOpen = (options: Electron.OpenDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  return {
    async pickFiles() {
      const result = await showOpen({
        title: 'Choose files to upload',
        properties: ['openFile', 'multiSelections'],
      });
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
      const result = await showOpen({
        title: 'Choose a folder to watch',
        buttonLabel: 'Watch folder',
        // createDirectory: macOS only; lets a person make a fresh "To upload" folder right here.
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
