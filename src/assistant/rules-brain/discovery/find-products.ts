/**
 * Browsing and refining: the need grows with each message, the in-stock matches are searched, and
 * when many fit the brain asks the one question that narrows them most (at most two per need, and
 * "any" skips); otherwise it shows a few with the reason each was picked.
 */
import type { CatalogTerm, Language, PriceConstraint } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { noteCards } from '../note-cards.js';
import { chip, say, talkToPerson } from '../phrasing.js';
import { type Answer, type QuestionField, questionField, questionKey } from '../question.js';
import type { SearchFacet } from '../tool-outputs.js';
import type { DialogueState, RulesReply, RulesTurn, ShopperNeed } from '../types.js';
import { emptyNeed, isEmptyNeed, mergeNeed, termKey, withTerms } from './need.js';
import { chooseQuestion, type Question } from './next-question.js';
import { reasonFor } from './reasons.js';
import { looserNeeds, type NeedSearch, searchNeed } from './search-need.js';
import { fieldLabel, priceText, valuesText } from './wording.js';

/** Products shown at once: enough to choose from, few enough to read on a phone. */
const SHOWN_AT_ONCE = 3;
/** Questions per need before the brain shows what it has. */
const MAX_QUESTIONS = 2;
/** More in-stock matches than this are worth a question first. */
const ASK_ABOVE = 3;
/** Chips offered for a question's answers. */
const ANSWER_CHIPS = 6;

/** A field with more values than this is no question a shopper can answer from chips. */
const MAX_ANSWERS = 12;

/** Fields a shopper can answer from chips: options, brand, type, and attributes whose values are words. */
function answerable(facet: SearchFacet): boolean {
  if (facet.values.length > MAX_ANSWERS) return false;
  return facet.field !== 'attribute' || facet.values.every((v) => !/\d/.test(v.value));
}

function termField(term: CatalogTerm): string | null {
  switch (term.kind) {
    case 'option':
    case 'attribute':
      return term.name === undefined ? null : questionKey(term.kind, term.name);
    case 'brand':
    case 'productType':
      return questionKey(term.kind, term.kind);
    default:
      return null;
  }
}

/** Fields the shopper already chose or was asked about. */
function settled(need: ShopperNeed, found: NeedSearch): Set<string> {
  const keys = new Set(need.asked);
  for (const term of need.terms) {
    const key = termField(term);
    if (key !== null) keys.add(key);
  }
  if (found.size !== null) keys.add(questionKey('option', found.size.option));
  return keys;
}

function ask(turn: RulesTurn, need: ShopperNeed, question: Question): RulesReply {
  const language = turn.language;
  const label = fieldLabel(question.facet, language);
  // Brand names stay in the chips: written out, a brand no product of this turn carries reads as an unknown name.
  const text =
    question.facet.field === 'brand'
      ? say(language, {
          en: `Quite a few fit. Which ${label} would you like? Pick one below, or say “any” and I'll pick the best ones for you.`,
          'zh-TW': `符合的商品不少。你想要哪個${label}？可以點下面的選項，也可以說“都可以”，我直接推薦幾款給你。`,
        })
      : say(language, {
          en: `Quite a few fit. Which ${label} would you like — ${valuesText(question.values, language)}? Or say “any” and I'll pick the best ones for you.`,
          // A field the catalog names only in English is asked without its name in Chinese.
          'zh-TW': `符合的商品不少。你想要哪種${/[\u4e00-\u9fff]/u.test(label) ? label : ''}？有 ${valuesText(question.values, language)}。也可以說“都可以”，我直接推薦幾款給你。`,
        });
  const chips = question.values.slice(0, ANSWER_CHIPS).map((value) => ({ label: value, text: value }));
  return {
    reply: {
      text,
      cards: [],
      suggestions: [...chips, chip(language, { en: 'Any', 'zh-TW': '都可以' })],
    },
    dialogue: {
      ...turn.dialogue,
      need: { ...need, asked: [...need.asked, question.key], questions: need.questions + 1 },
      awaiting: { kind: 'question', option: question.key, values: question.values },
    },
  };
}

function nothingFound(turn: RulesTurn, need: ShopperNeed): RulesReply {
  const narrowed = need.terms.length > 1 || need.price !== null || need.size !== null;
  const text = say(turn.language, {
    en: narrowed
      ? "I couldn't find anything available that matches all of that. Try a different size, colour or budget, or tell me what matters most."
      : "I couldn't find anything available for that. Could you describe it another way — a type of product, a brand or a use?",
    'zh-TW': narrowed
      ? '目前沒有同時符合這些條件的現貨商品。可以換個尺寸、顏色或預算，或告訴我最在意哪一點。'
      : '目前找不到這類的現貨商品。可以換個說法嗎？例如商品種類、品牌或用途。',
  });
  return {
    reply: { text, cards: [], suggestions: [talkToPerson(turn.language)] },
    dialogue: { ...turn.dialogue, need, awaiting: { kind: 'none' } },
  };
}

function resultLine(item: ProductCardItem, index: number, language: Language): string {
  const price = priceText(item, language);
  const reason = item.reason === undefined || item.reason === '' ? '' : item.reason;
  return say(language, {
    en: `${index + 1}. ${item.title} (${price})${reason === '' ? '' : `: ${reason}`}.`,
    'zh-TW': `${index + 1}. ${item.title}（${price}）${reason === '' ? '' : `：${reason}`}。`,
  });
}

function showResults(turn: RulesTurn, need: ShopperNeed, found: NeedSearch): RulesReply {
  const language = turn.language;
  const items = found.items.slice(0, SHOWN_AT_ONCE).map((item) => ({
    ...item,
    reason: reasonFor({
      item,
      tags: found.products.get(item.productId)?.tags ?? [],
      stock: found.stock.filter((s) => s.productId === item.productId),
      need,
      size: found.size,
      language,
    }),
  }));
  const intro =
    items.length === 1
      ? say(language, { en: 'Here is one that fits:', 'zh-TW': '找到一款符合的：' })
      : say(language, { en: 'Here are a few that fit:', 'zh-TW': '幫你挑了幾款：' });
  const outro = say(language, {
    en: 'Want me to compare them, check stock in your size, or add one to your cart?',
    'zh-TW': '要幫你比較、查尺寸庫存，還是加入購物車？',
  });
  const text = [intro, ...items.map((item, index) => resultLine(item, index, language)), outro].join('\n');
  const card = { type: 'products' as const, items };
  const compareChip =
    items.length > 1
      ? [chip(language, { en: 'Compare the first and the second', 'zh-TW': '比較第一個和第二個' })]
      : [];
  const dialogue: DialogueState = noteCards({ ...turn.dialogue, need, awaiting: { kind: 'none' } }, [card]);
  return {
    reply: {
      text,
      cards: [card],
      suggestions: [
        chip(language, { en: 'Add the first to cart', 'zh-TW': '把第一個加入購物車' }),
        ...compareChip,
        chip(language, { en: 'Show cheaper', 'zh-TW': '有便宜一點的嗎' }),
        talkToPerson(language),
      ],
    },
    dialogue,
  };
}

/**
 * Searches for the need: asks the best question first when many fit, else shows the best few.
 * `wider` is searched instead when nothing fits the need, then looser forms of the need.
 */
export async function findProducts(
  turn: RulesTurn,
  need: ShopperNeed,
  wider?: ShopperNeed,
): Promise<RulesReply> {
  for (const tried of [need, ...(wider === undefined ? [] : [wider]), ...looserNeeds(need)]) {
    const found = await searchNeed(turn.runTool, tried, SHOWN_AT_ONCE);
    if (found.output.total > 0) return askOrShow(turn, tried, found);
  }
  return nothingFound(turn, need);
}

function askOrShow(turn: RulesTurn, need: ShopperNeed, found: NeedSearch): RulesReply {
  if (found.output.total > ASK_ABOVE && need.questions < MAX_QUESTIONS) {
    const question = chooseQuestion(
      found.facets.filter(answerable),
      found.output.total,
      settled(need, found),
    );
    if (question !== null) return ask(turn, need, question);
  }
  return showResults(turn, need, found);
}

/**
 * "cheaper" means below the cheapest product on screen, or, `wider`, below the dearest; "pricier"
 * means above the dearest, or above the cheapest.
 */
function relativeTo(dialogue: DialogueState, wider: boolean) {
  return (direction: 'cheaper' | 'pricier'): PriceConstraint | null => {
    const sorted = dialogue.shown.map((p) => p.price).sort((a, b) => a.amount - b.amount);
    const low = wider ? sorted.at(-1) : sorted[0];
    const high = wider ? sorted[0] : sorted.at(-1);
    if (low === undefined || high === undefined) return null;
    return direction === 'cheaper'
      ? { kind: 'range', min: null, max: { amount: low.amount - 1, currency: low.currency } }
      : { kind: 'range', min: { amount: high.amount + 1, currency: high.currency }, max: null };
  };
}

/**
 * A browse or refine message: merge it into the need and search. `freeWords`, the message's words
 * that are no catalog term ("five-toe"), are searched too when given; dropped if nothing fits them.
 */
export async function browse(turn: RulesTurn, freeWords = ''): Promise<RulesReply> {
  const { dialogue, understanding } = turn;
  let need = mergeNeed(dialogue.need, understanding, relativeTo(dialogue, false));
  if (freeWords !== '') need = { ...need, query: [need.query, freeWords].filter((w) => w !== '').join(' ') };
  // Words the catalog does not know still go to the search engine, which reads them its own way.
  if (isEmptyNeed(need)) need = { ...need, query: turn.text };
  const relative = understanding.entities.some((e) => e.type === 'price' && e.price.kind === 'relative');
  // Nothing below the cheapest on screen: what costs less than the others shown still answers "cheaper".
  const wider = relative ? mergeNeed(dialogue.need, understanding, relativeTo(dialogue, true)) : undefined;
  return findProducts(turn, need, wider);
}

function answerTerm(field: QuestionField, name: string, value: string): CatalogTerm {
  return field === 'option' || field === 'attribute' ? { kind: field, name, value } : { kind: field, value };
}

/** The shopper answered the brain's question ("black", "any", "都可以"). */
export async function answerQuestion(turn: RulesTurn, answer: Answer): Promise<RulesReply> {
  const need = turn.dialogue.need ?? emptyNeed;
  if (answer.kind === 'skip') return findProducts(turn, { ...need, questions: MAX_QUESTIONS });
  const awaiting = turn.dialogue.awaiting;
  if (awaiting.kind !== 'question') return findProducts(turn, need);
  const { field, name } = questionField(awaiting.option);
  const term = answerTerm(field, name, answer.value);
  // The shopper's word for the value ("黑色" for Black), not the whole reply around it.
  const word = turn.understanding.entities.find(
    (e) => e.type === 'catalog' && e.value.toLowerCase() === answer.value.toLowerCase(),
  );
  const said = { ...need.said, [termKey(term)]: word?.text ?? answer.value.toLowerCase() };
  return findProducts(turn, withTerms({ ...need, said }, [term]));
}
