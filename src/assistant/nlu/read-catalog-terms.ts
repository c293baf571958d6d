/**
 * Finds the catalog's own words in a message by longest match over tokens: "waterproof jacket"
 * before "jacket", and in Chinese 登山鞋 whole even when the segmenter splits it. A single Chinese
 * character only counts when the segmenter reads it as a word of its own, so 白 in 白茶 is not
 * taken for the colour. Latin words one typo from a catalog word are read as that word.
 */
import { isClaimed, type MessageScan } from './message-scan.js';
import { phraseKey } from './text-tokens.js';
import type { Entity } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export function readCatalogTerms(scan: MessageScan, vocabulary: Vocabulary): Entity[] {
  const tokens = scan.tokens.map((token) => {
    // The word as written too: folding a misspelt word ("stainles" → "stainle") moves it further away.
    const corrected =
      token.kind === 'word'
        ? (vocabulary.correctWord(token.key) ?? vocabulary.correctWord(token.text))
        : undefined;
    return corrected === undefined ? token : { ...token, key: corrected };
  });
  const entities: Entity[] = [];
  let index = 0;
  while (index < tokens.length) {
    let matched = 0;
    const longest = Math.min(vocabulary.maxPhraseTokens * 4, tokens.length - index);
    for (let length = longest; length >= 1 && matched === 0; length -= 1) {
      const first = tokens[index]!;
      const last = tokens[index + length - 1]!;
      if (isClaimed(scan, first.start, last.end)) continue;
      if (length === 1 && first.kind === 'cjk' && !(first.segmentStart && first.segmentEnd)) continue;
      if (length === 1 && first.kind === 'number') continue;
      const terms = vocabulary.lookup(phraseKey(tokens, index, index + length));
      if (terms.length === 0) continue;
      const span = { start: first.start, end: last.end, text: scan.original.slice(first.start, last.end) };
      for (const term of terms) entities.push({ type: 'catalog', ...term, ...span });
      scan.claimed.push(span);
      matched = length;
    }
    index += Math.max(matched, 1);
  }
  return entities;
}
