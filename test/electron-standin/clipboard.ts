// The system clipboard (asynchronous, as in Electron 44+). In Wayland mode a write from an app none of
// whose windows has focus is dropped without an error (DESIGN §8 rule 11): only reading back tells.
import { focusedWindowId } from './focus';
import { modes } from './modes';

interface ClipboardItemLike {
  types: string[];
  getType(type: string): Promise<string>;
}

let text = '';
export const clipboardLog: { text: string; kept: boolean }[] = [];

export function systemClipboardText(): string {
  return text;
}

/** What another program put there (the test, as the user copying something). */
export function setSystemClipboardText(value: string): void {
  text = value;
}

export const clipboard = {
  async writeText(value: string): Promise<void> {
    const kept = modes.display !== 'wayland' || focusedWindowId() !== null;
    clipboardLog.push({ text: value, kept });
    if (kept) text = value;
  },
  async readText(): Promise<string> {
    return text;
  },
  async read(): Promise<ClipboardItemLike[]> {
    if (text === '') return [];
    const value = text;
    return [{ types: ['text/plain'], getType: async () => value }];
  },
  async clear(): Promise<void> {
    text = '';
  },
};
