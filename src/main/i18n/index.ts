// The main process's words in the person's language. Pure (no Electron), so the tray menu, the
// notifications and the tests share it; app-language.ts reads the setting and the OS locale.
import type { Language } from './language';
import { mainMessagesEn } from './messages-en';
import type { MainMessageKey, MainMessages } from './messages-en';
import { mainMessagesZhCN } from './messages-zh-CN';

export type { Language, LanguageSetting } from './language';
export { resolveLanguage } from './language';
export type { MainMessageKey, MainMessages } from './messages-en';

export const MAIN_MESSAGES: Record<Language, MainMessages> = {
  en: mainMessagesEn,
  'zh-CN': mainMessagesZhCN,
};

export type MainParams = Record<string, string | number>;
export type MainT = (key: MainMessageKey, params?: MainParams) => string;

const PLACEHOLDER = /\{(\w+)\}/gu;

/** The `{name}` placeholders a message uses. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

export function mainTranslator(language: Language): MainT {
  const dict = MAIN_MESSAGES[language];
  return (key, params) =>
    // An unknown placeholder stays visible rather than vanishing, so a missing param is noticed.
    dict[key].replace(PLACEHOLDER, (whole, name: string) => {
      const value = params?.[name];
      return value === undefined ? whole : String(value);
    });
}

/** "1 file", "3 files", "3 个文件". */
export function filesText(t: MainT, count: number): string {
  return count === 1 ? t('files.one') : t('files.many', { count });
}
