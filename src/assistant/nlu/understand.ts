/**
 * Reads one shopper message: language, entities (in an order where the most specific readers
 * claim their text first) and intent. Pure and synchronous: no network, no model, the same answer
 * for the same input.
 */
import { classifyIntent } from './classify-intent.js';
import { detectLanguage } from './detect-language.js';
import { scanMessage } from './message-scan.js';
import { readMeasures, readQuantities, readSizes } from './read-amounts.js';
import { readCatalogTerms } from './read-catalog-terms.js';
import { readCoupons, readEmails, readNames, readOrderNumbers, readPostalCodes } from './read-identifiers.js';
import { readPrices } from './read-price.js';
import { readDescribedReferences, readPointingWords, readReferences } from './read-references.js';
import type { ConversationState, Entity, Language, Understanding } from './types.js';
import type { Vocabulary } from './vocabulary.js';

export interface UnderstandOptions {
  readonly vocabulary: Vocabulary;
  /** The shopper's locale, used when the message has no letters to tell ("#A1002"). */
  readonly locale?: string;
  /** ISO 4217 code of the store currency; price amounts are minor units of it. Default TWD. */
  readonly currency?: string;
  readonly state?: ConversationState;
}

function fallbackLanguage(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

/** A message that is only a shoe or clothing size ("27", "26.5"), read as one while products are on screen. */
const BARE_SIZE = /^\s*(\d{2}(?:\.5)?)\s*$/u;

function readBareSize(text: string): Entity[] {
  const match = BARE_SIZE.exec(text);
  const value = match?.[1];
  if (match === null || value === undefined) return [];
  const start = text.indexOf(value);
  return [{ type: 'size', value, start, end: start + value.length, text: value }];
}

export function understand(text: string, options: UnderstandOptions): Understanding {
  const state = options.state ?? {};
  const scan = scanMessage(text, options.currency ?? 'TWD');
  const entities: Entity[] = [
    ...readEmails(scan),
    ...readOrderNumbers(scan),
    ...readCoupons(scan),
    ...readNames(scan),
    ...readSizes(scan),
    ...readMeasures(scan, options.vocabulary),
    ...readReferences(scan),
    ...readPrices(scan),
    ...readQuantities(scan),
  ];
  const catalog = readCatalogTerms(scan, options.vocabulary);
  entities.push(...catalog, ...readDescribedReferences(scan, catalog), ...readPointingWords(scan));
  const identifying =
    state.awaitingIdentity === true ||
    entities.some((entity) => entity.type === 'name' || entity.type === 'email');
  entities.push(...readPostalCodes(scan, identifying));
  if (state.showingProducts === true && entities.length === 0) entities.push(...readBareSize(text));
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  const { language, mixed } = detectLanguage(scan.tokens, fallbackLanguage(options.locale));
  const decision = classifyIntent(scan.folded, entities, state);
  return { text, language, mixed, ...decision, entities };
}
