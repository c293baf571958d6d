/**
 * The console's language: English or Traditional Chinese, chosen by the toggle (remembered in
 * this browser) or, the first time, from the browser's own language.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { LANGUAGES, type Language, type MessageKey, messages } from './messages.js';

export { LANGUAGE_NAMES, LANGUAGES, type Language, type MessageKey } from './messages.js';

const STORAGE_KEY = 'aisle.console.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface LanguageState {
  readonly language: Language;
  setLanguage(language: Language): void;
  readonly t: Translate;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if ((LANGUAGES as readonly string[]).includes(stored ?? '')) return stored as Language;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const t = useCallback<Translate>(
    (key, values) => {
      const template = messages[language][key];
      if (values === undefined) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
    },
    [language],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (state === null) throw new Error('useLanguage needs a LanguageProvider');
  return state;
}
