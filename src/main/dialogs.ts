// The native file pickers, attached to the main window when there is one, titled in the app's language.
import { dialog, type BrowserWindow } from 'electron';
import type { DialogAdapter } from './core/app-service';
import { mainTranslator } from './i18n';
import type { Language } from './i18n';

export function electronDialogs(
  getWindow: () => BrowserWindow | null,
  getLanguage: () => Language = () => 'en',
): DialogAdapter {
  const t = () => mainTranslator(getLanguage());
  const showOpen = (options: Electron.OpenDialogOptions) => {
    const window = getWindow();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };
  return {
    async pickFiles() {
      const result = await showOpen({
        title: t()('dialog.pickFiles'),
        properties: ['openFile', 'multiSelections'],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(defaultName, purpose = 'export-history') {
      const window = getWindow();
      const options: Electron.SaveDialogOptions = {
        title: t()(purpose === 'save-copy' ? 'dialog.saveCopy' : 'dialog.exportHistory'),
        defaultPath: defaultName,
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFolder() {
      const result = await showOpen({
        title: t()('dialog.pickFolder'),
        buttonLabel: t()('dialog.pickFolder.button'),
        // createDirectory: macOS only; lets a person make a fresh "To upload" folder right here.
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
