/**
 * The rules brain's language understanding: a vocabulary built from the catalog's own data, and
 * `understand` turning an English or Traditional Chinese message into an intent with entities.
 */
export { type EntityKey, entityKey } from './entity-key.js';
export {
  evaluateNlu,
  type LabelledUtterance,
  type NluCatalog,
  type NluMetrics,
  type NluMiss,
  type NluReport,
  type Score,
} from './evaluate-nlu.js';
export { formatNluReport } from './format-nlu-report.js';
export { CHINESE_NUMERAL_CLASS, parseChineseNumeral } from './numerals.js';
export * from './types.js';
export { type UnderstandOptions, understand } from './understand.js';
export { buildVocabulary, type Vocabulary, type VocabularyOptions } from './vocabulary.js';
