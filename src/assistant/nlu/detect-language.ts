/**
 * English or Traditional Chinese, by which script carries the message. Catalog words are often
 * English inside Chinese sentences ("有 Nordkamm 的 hiking boots 嗎"), so a few Chinese
 * characters among several Latin words still make the message Chinese.
 */
import type { Token } from './text-tokens.js';
import type { Language } from './types.js';

export interface LanguageReading {
  readonly language: Language;
  readonly mixed: boolean;
}

export function detectLanguage(tokens: readonly Token[], fallback: Language): LanguageReading {
  let chinese = 0;
  let latin = 0;
  for (const token of tokens) {
    if (token.kind === 'cjk') chinese += 1;
    else if (token.kind === 'word' && /\p{L}/u.test(token.text)) latin += 1;
  }
  if (chinese === 0 && latin === 0) return { language: fallback, mixed: false };
  const mixed = chinese > 0 && latin > 0;
  // Two Chinese characters weigh about one Latin word.
  const language: Language = chinese > 0 && chinese >= latin ? 'zh-TW' : latin > 0 ? 'en' : 'zh-TW';
  return { language, mixed };
}
