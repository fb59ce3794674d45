// The system clipboard, as the app service's ClipboardAdapter.
import { clipboard } from 'electron';
import type { ClipboardAdapter } from './core/app-service';

export const electronClipboard: ClipboardAdapter = {
  writeText: (text) => clipboard.writeText(text),
};
