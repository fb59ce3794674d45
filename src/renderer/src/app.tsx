// The window: settings, language and theme first; then either the welcome screen (no key yet) or the
// app shell with its three screens.
import { useEffect, useMemo } from 'react';
import { AnnouncerProvider } from './components/announcer';
import { LocationQuestionDialog } from './components/location-question-dialog';
import { useResolvedTheme } from './hooks/use-theme';
import { SettingsContext, useSettingsLoader } from './hooks/use-settings';
import { I18nProvider } from './i18n/i18n-context';
import { resolveLanguage } from './i18n/translate';
import { Shell } from './shell';

export function App() {
  const { settings, update, loaded, loadError } = useSettingsLoader();
  const language = resolveLanguage(
    settings.language,
    navigator.languages.length ? navigator.languages : [navigator.language],
  );
  useResolvedTheme(settings.theme);
  const handle = useMemo(() => ({ settings, update }), [settings, update]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  if (!loaded) return <div className="splash" aria-busy="true" />;

  return (
    <I18nProvider language={language}>
      <SettingsContext.Provider value={handle}>
        <AnnouncerProvider>
          <Shell settingsError={loadError} />
          <LocationQuestionDialog />
        </AnnouncerProvider>
      </SettingsContext.Provider>
    </I18nProvider>
  );
}
