// Which language the main process speaks: the person's choice, or for 'system' the OS's, as the window
// decides it (src/renderer/src/i18n/translate.ts): any Chinese locale gets Simplified Chinese.
export type Language = 'en' | 'zh-CN';

export type LanguageSetting = 'system' | Language;

export function resolveLanguage(setting: LanguageSetting, osLocale: string): Language {
  if (setting !== 'system') return setting;
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
