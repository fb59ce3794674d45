// Makes the chosen language available to every component: `const { t, language } = useI18n()`.
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Language, TFunction } from './messages';
import { createTranslator } from './translate';

interface I18n {
  language: Language;
  t: TFunction;
}

const I18nContext = createContext<I18n>({ language: 'en', t: createTranslator('en') });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Shorthand for components that only need `t`. */
export function useT(): TFunction {
  return useContext(I18nContext).t;
}
