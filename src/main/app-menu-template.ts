// What KieDrop's menus hold, per platform and language; app-menu.ts hands them to Electron.
import type { MenuItemConstructorOptions } from 'electron';

export interface Labels {
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  undo: string;
  redo: string;
  edit: string;
  window: string;
}

const EN: Labels = {
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  undo: 'Undo',
  redo: 'Redo',
  edit: 'Edit',
  window: 'Window',
};
const ZH: Labels = {
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  undo: '撤销',
  redo: '重做',
  edit: '编辑',
  window: '窗口',
};

export function menuLabels(locale: string): Labels {
  return locale.toLowerCase().startsWith('zh') ? ZH : EN;
}

/**
 * macOS needs an application menu for its Edit shortcuts (⌘C, ⌘V) to work in text fields; Windows and
 * Linux handle those keys without one, and KieDrop's window has its own navigation, so they get none.
 */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  labels: Labels,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu' },
    {
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    { label: labels.window, role: 'windowMenu' },
  ];
}

interface ContextParams {
  isEditable: boolean;
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

/** The right-click menu for a text field or a selection; null where there is nothing to offer. */
export function editMenuTemplate(params: ContextParams, labels: Labels): MenuItemConstructorOptions[] | null {
  if (params.isEditable) {
    return [
      { role: 'cut', label: labels.cut, enabled: params.editFlags.canCut },
      { role: 'copy', label: labels.copy, enabled: params.editFlags.canCopy },
      { role: 'paste', label: labels.paste, enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: labels.selectAll, enabled: params.editFlags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: labels.copy }];
  return null;
}
