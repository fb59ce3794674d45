// Pure translation: look a key up in a dictionary and fill its `{name}` placeholders.
import { en } from './en';
import type { Language, Messages, ParamValue, TFunction } from './messages';
import { zhCN } from './zh-CN';

export const DICTIONARIES: Record<Language, Messages> = { en, 'zh-CN': zhCN };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders a message uses, in order of first appearance. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

export function interpolate(message: string, params: Record<string, ParamValue> | undefined): string {
  if (!params) return message;
  // An unknown placeholder stays visible rather than vanishing, so a missing param is noticed.
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(language: Language): TFunction {
  const dict = DICTIONARIES[language];
  return ((key: keyof Messages, params?: Record<string, ParamValue>) =>
    interpolate(dict[key], params)) as TFunction;
}

/** 'system' follows the OS language: any Chinese locale gets Simplified Chinese, everything else English. */
export function resolveLanguage(setting: 'system' | Language, systemLanguages: readonly string[]): Language {
  if (setting !== 'system') return setting;
  const first = systemLanguages[0] ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
