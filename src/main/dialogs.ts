// The native file pickers, attached to the main window when there is one, titled in the app's language.
import { dialog, type BrowserWindow } from 'electron';
import type { DialogAdapter } from './core/app-service';
import { mainTranslator } from './i18n';
import type { Language } from './i18n';

/** Asks whether an editor (named by its User-Agent) may upload through the editor server. */
export function askEditorApproval(
  getWindow: () => BrowserWindow | null,
  getLanguage: () => Language = () => 'en',
): (name: string) => Promise<boolean> {
  return async (name) => {
    const t = mainTranslator(getLanguage());
    const options: Electron.MessageBoxOptions = {
      type: 'question',
      title: t('dialog.editorClient.title'),
      message: t('dialog.editorClient.message', { name }),
      detail: t('dialog.editorClient.detail'),
      buttons: [t('dialog.editorClient.allow'), t('dialog.editorClient.refuse')],
      defaultId: 1,
      cancelId: 1,
    };
    const window = getWindow();
    const { response } = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
    return response === 0;
  };
}

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
