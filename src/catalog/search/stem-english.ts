/**
 * A deliberately small English stemmer: it folds plurals only ("jackets" → "jacket", "boxes" →
 * "box", "berries" → "berry"). Product words are mostly nouns, and a heavier stemmer (Porter)
 * merges words a shopper keeps apart ("organic" / "organ", "running" / "run" shoes vs runs).
 */
const KEEP_ENDINGS = ['ss', 'us', 'is', 'ous'];
const ES_AFTER = ['ches', 'shes', 'xes', 'zes', 'sses'];

export function stemEnglish(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (KEEP_ENDINGS.some((ending) => word.endsWith(ending))) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (ES_AFTER.some((ending) => word.endsWith(ending))) return word.slice(0, -2);
  return word.slice(0, -1);
}
