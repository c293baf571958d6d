/**
 * Short replies to the brain's own question. After "Which colour?" a shopper answers "black",
 * "42", "any" or "都可以"; such a reply means nothing on its own, so it is read against the
 * question that is waiting for it.
 */
import type { Entity } from '../nlu/index.js';
import { wantedValues } from './pick-variant.js';
import type { Awaiting } from './types.js';

export type Answer = { readonly kind: 'skip' } | { readonly kind: 'value'; readonly value: string };

/** "any", "skip", "doesn't matter", "都可以", "隨便": go on without narrowing. */
const SKIP =
  /^\s*(?:any(?:\s+(?:is fine|will do|one))?|anything|skip(?:\s+it)?|whatever|either|no preference|doesn'?t matter|does not matter|i don'?t (?:mind|care)|not sure|just show (?:me )?(?:them|all|everything)|show (?:me )?(?:them )?all|都可以|都行|都好|隨便|随便|不限|沒差|没差|無所謂|无所谓|跳過|跳过|不知道|全部|都看看)\s*[.!。！]?\s*$/iu;

export function isSkip(text: string): boolean {
  return SKIP.test(text);
}

/** Words a reply may carry around its answer ("black please", "42號就好"). */
const MAX_ANSWER_WORDS = 5;

function shortEnough(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
  return words.length <= MAX_ANSWER_WORDS && text.length <= 40;
}

/** The answer the text gives to the waiting question, or null when it does not answer it. */
export function readAnswer(text: string, entities: readonly Entity[], awaiting: Awaiting): Answer | null {
  if (awaiting.kind !== 'question') return null;
  if (isSkip(text)) return { kind: 'skip' };
  if (!shortEnough(text)) return null;
  const name = questionField(awaiting.option).name;
  const picked = wantedValues(text, entities, [{ name, values: [...awaiting.values] }]);
  const value = picked[name];
  return value === undefined ? null : { kind: 'value', value };
}

export type QuestionField = 'option' | 'attribute' | 'brand' | 'productType';

/** The field a question asks about, from its key: "option:Color", "attribute:Material", "brand". */
export function questionField(key: string): { readonly field: QuestionField; readonly name: string } {
  const [field, ...rest] = key.split(':');
  if ((field === 'option' || field === 'attribute') && rest.length > 0)
    return { field, name: rest.join(':') };
  return { field: field === 'productType' ? 'productType' : 'brand', name: field ?? key };
}

export function questionKey(field: QuestionField, name: string): string {
  return field === 'option' || field === 'attribute' ? `${field}:${name}` : field;
}

/** Whether a short reply picks an option value for the variant the brain asked about. */
export function answersVariantQuestion(text: string, entities: readonly Entity[]): boolean {
  if (!shortEnough(text)) return false;
  return entities.some(
    (e) => e.type === 'size' || (e.type === 'catalog' && (e.kind === 'option' || e.kind === 'attribute')),
  );
}
