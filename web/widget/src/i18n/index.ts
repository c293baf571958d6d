import { createContext, useContext } from 'react';
import { en, type Strings, zhTW } from './strings.js';

export type WidgetLocale = 'en' | 'zh-TW';
export type { Strings };

/** `data-lang` first, then the browser's languages; any Chinese reads the Traditional strings. */
export function pickLocale(requested: string | null, browser: readonly string[]): WidgetLocale {
  for (const tag of [requested, ...browser]) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-TW';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function stringsFor(locale: WidgetLocale): Strings {
  return locale === 'zh-TW' ? zhTW : en;
}

export interface LocaleContextValue {
  readonly locale: WidgetLocale;
  readonly t: Strings;
}

export const LocaleContext = createContext<LocaleContextValue>({ locale: 'en', t: en });

export function useStrings(): LocaleContextValue {
  return useContext(LocaleContext);
}
