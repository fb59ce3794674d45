// The language the app speaks right now: the `language` setting, and for 'system' the OS locale Electron
// reports (as app-menu.ts reads it).
import { app } from 'electron';
import type { Settings } from '../../shared/settings';
import { mainTranslator, resolveLanguage } from './index';
import type { Language, MainT } from './index';

export function appLanguage(settings: Pick<Settings, 'language'> | null): Language {
  return resolveLanguage(settings?.language ?? 'system', app.getLocale());
}

export function appTranslator(settings: Pick<Settings, 'language'> | null): MainT {
  return mainTranslator(appLanguage(settings));
}
