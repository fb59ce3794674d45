// Why the clipboard did not take a copy, in the person's language: the one reason the main process
// knows (clipboard-verify.ts) by its words; any other is the system's own text.
import { CLIPBOARD_REFUSED } from '../clipboard-verify';
import { mainTranslator } from './index';
import type { Language } from './language';

export function clipboardReason(language: Language, reason: string): string {
  return reason === CLIPBOARD_REFUSED ? mainTranslator(language)('clipboard.refused') : reason;
}
