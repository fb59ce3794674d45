// KieDrop's own menus instead of Electron's default one (whose Reload, Toggle Developer Tools and
// Electron help links would otherwise show on Windows and Linux and act in every window, the frameless
// drop window included), and the edit menu a right-click on a text field expects (pasting the API key).
import { app, Menu, type WebContents } from 'electron';
import { applicationMenuTemplate, editMenuTemplate, menuLabels } from './app-menu-template';

export function setupAppMenu(): void {
  const template = applicationMenuTemplate(process.platform, menuLabels(app.getLocale()));
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('context-menu', (_e, params) => {
      const items = editMenuTemplate(params, menuLabels(app.getLocale()));
      if (items) Menu.buildFromTemplate(items).popup();
    });
  });
}
