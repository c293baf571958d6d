/**
 * Questions about one product: which option values it comes in, what an attribute says, whether
 * it has a quality the catalog tags, or, asked nothing in particular, an overview. Everything comes
 * from product_details. The merchant's description is data: a sentence of it is quoted only when it
 * holds the asked word and nothing that reads as an offer, a code, a number or an instruction.
 */
import type { Language } from '../../nlu/index.js';
import type { ProductCardItem } from '../../tools/index.js';
import { noteCards } from '../note-cards.js';
import { chip, say, talkToPerson } from '../phrasing.js';
import type { ProductDetails } from '../tool-outputs.js';
import { productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { browse } from './find-products.js';
import { hasCatalogTerms, hasReference, targetProductIds } from './target.js';
import { fieldLabel, humanize, priceText, valuesText, valueText } from './wording.js';

/**
 * Chinese words for attribute and option names that catalogs usually write in English: language,
 * not any store's data. Each maps to English stems a catalog's field names may contain.
 */
const CHINESE_FIELD_WORDS: Readonly<Record<string, readonly string[]>> = {
  材質: ['material'],
  材料: ['material'],
  重量: ['weight'],
  多重: ['weight'],
  顏色: ['color', 'colour'],
  尺寸: ['size'],
  尺碼: ['size'],
  容量: ['capacity'],
  防水: ['waterproof'],
  季節: ['season'],
  性別: ['gender'],
  保固: ['warranty'],
  產地: ['origin'],
  洗碗機: ['dishwasher'],
};

/** Anything in a description sentence that could pass for a promise, a figure or an order. */
const UNSAFE_WORDS =
  /\d|ignore|instruction|coupon|code|free|discount|price|refund|assistant|system|prompt|免費|優惠|折|價|退|指令|忽略/iu;
/** Capitals in a row read as a code ("FREE100", "VIP"). */
const CODE_SHAPE = /[A-Z]{2,}/u;
const MAX_QUOTE = 160;

function fieldWords(name: string): string[] {
  return [name.toLowerCase(), humanize(name)];
}

/** Whether the message asks about a field called `name` (or one of its translations). */
function asksAbout(text: string, name: string, labels: readonly string[] = []): boolean {
  const lowered = text.toLowerCase();
  if (labels.some((label) => lowered.includes(label.toLowerCase()))) return true;
  const words = fieldWords(name);
  if (words.some((w) => w.length > 2 && lowered.includes(w))) return true;
  if (words.some((w) => w.split(' ').some((part) => part.length > 3 && lowered.includes(part)))) return true;
  return Object.entries(CHINESE_FIELD_WORDS).some(
    ([word, stems]) => text.includes(word) && stems.some((stem) => words.some((w) => w.includes(stem))),
  );
}

function attributeText(value: string | readonly string[]): string {
  return (typeof value === 'string' ? [value] : value).map(valueText).join(', ');
}

/** English words too common to find the asked thing by ("does it", "what about"). */
const COMMON_WORDS = new Set([
  'about',
  'does',
  'doesn',
  'what',
  'which',
  'this',
  'that',
  'these',
  'those',
  'with',
  'have',
  'from',
  'there',
  'their',
  'they',
  'will',
  'would',
  'could',
  'should',
  'tell',
  'more',
  'much',
  'many',
  'like',
  'good',
  'into',
  'your',
  'other',
  'than',
  'them',
  'then',
  'when',
  'where',
  'work',
  'works',
  'need',
  'want',
  'item',
  'product',
  'first',
  'second',
  'third',
  'last',
  'please',
  'thanks',
]);

/** Words that ask for an overview rather than a particular fact. */
const TELL_ME = new Set(['tell', 'about', 'show', 'details', 'describe', 'info', 'information', 'more']);

/** Words of four letters or more that say what the shopper asks about ("oven", "induction"). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{4,}/gu) ?? []).filter((word) => !COMMON_WORDS.has(word));
}

/** A description sentence that holds one of the asked words and is safe to quote. */
function quotedSentence(description: string, words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const sentences = description.split(/(?<=[.!?。！？])\s*/u);
  const found = sentences.find(
    (s) =>
      s.length <= MAX_QUOTE &&
      !UNSAFE_WORDS.test(s) &&
      !CODE_SHAPE.test(s) &&
      words.some((w) => w.length > 2 && s.toLowerCase().includes(w.toLowerCase())),
  );
  return found === undefined ? null : found.trim();
}

function stockLine(item: ProductCardItem | undefined, language: Language): string | null {
  if (item === undefined) return null;
  if (item.stock.status === 'out_of_stock') {
    return say(language, { en: "It's out of stock right now.", 'zh-TW': '目前缺貨。' });
  }
  const [place] = item.stock.pickupToday;
  if (place === undefined) return null;
  return say(language, { en: `You can pick it up today at ${place}.`, 'zh-TW': `今天就能到${place}取貨。` });
}

function optionLine(
  details: ProductDetails,
  item: ProductCardItem | undefined,
  option: ProductDetails['options'][number],
  language: Language,
): string {
  const inStock = option.values.filter(
    (value) => item?.variants.some((v) => v.available > 0 && v.options[option.name] === value) ?? true,
  );
  const label = fieldLabel(option, language);
  const values = inStock.length > 0 ? inStock : option.values;
  return say(language, {
    en: `${details.title} comes in ${label} ${valuesText(values, language, 12)}${inStock.length > 0 && inStock.length < option.values.length ? ' (those are the ones in stock)' : ''}.`,
    'zh-TW': `${details.title}的${label}有 ${valuesText(values, language, 12)}${inStock.length > 0 && inStock.length < option.values.length ? '（以上是有現貨的）' : ''}。`,
  });
}

function overview(details: ProductDetails, item: ProductCardItem | undefined, language: Language): string[] {
  const price = item === undefined ? details.variants[0]?.price : priceText(item, language);
  const lines = [
    say(language, {
      en: `${details.title}${details.brand === null ? '' : ` by ${details.brand}`} — ${price}.`,
      'zh-TW': `${details.title}${details.brand === null ? '' : `（${details.brand}）`}，${price}。`,
    }),
  ];
  for (const option of details.options) {
    if (option.values.length > 1) lines.push(optionLine(details, item, option, language));
  }
  const attributes = Object.entries(details.attributes).slice(0, 4);
  if (attributes.length > 0) {
    const described = attributes.map(([name, value]) => `${humanize(name)}: ${attributeText(value)}`);
    lines.push(
      say(language, {
        en: `Details: ${described.join('; ')}.`,
        'zh-TW': `規格：${described.join('；')}。`,
      }),
    );
  }
  return lines;
}

/** The catalog words and content words of the message: what the shopper asks about. */
function askedWordsOf(turn: RulesTurn): string[] {
  return [
    ...turn.understanding.entities.flatMap((e) =>
      e.type === 'catalog' && e.kind !== 'product' ? [e.value] : [],
    ),
    ...contentWords(turn.text),
  ].map((word) => word.toLowerCase());
}

/** Attributes asked by name ("what material"), or whose values hold an asked word ("good for trekking?"). */
function attributeAnswers(
  details: ProductDetails,
  text: string,
  asked: readonly string[],
  language: Language,
): string[] {
  return Object.entries(details.attributes).flatMap(([name, value]) => {
    const label = humanize(name);
    if (asksAbout(text, name)) {
      return [
        say(language, {
          en: `The ${label} of ${details.title}: ${attributeText(value)}.`,
          'zh-TW': `${details.title}的${label}：${attributeText(value)}。`,
        }),
      ];
    }
    const values = (typeof value === 'string' ? [value] : value).map((v) => v.toLowerCase());
    if (!values.some((v) => asked.includes(v))) return [];
    return [
      say(language, {
        en: `Yes — ${details.title} lists ${label}: ${attributeText(value)}.`,
        'zh-TW': `是的，${details.title}的${label}：${attributeText(value)}。`,
      }),
    ];
  });
}

/** Tags the merchant gave the product that the shopper asks about ("is it waterproof?"). */
function tagAnswer(
  title: string,
  tags: readonly string[],
  asked: readonly string[],
  language: Language,
): string[] {
  const tagged = tags.filter((tag) => asked.includes(tag.toLowerCase()));
  if (tagged.length === 0) return [];
  const words = tagged.map(valueText).join(', ');
  return [
    say(language, {
      en: `Yes — ${title} is listed as ${words}.`,
      'zh-TW': `是的，${title}標示為“${words}”。`,
    }),
  ];
}

function descriptionAnswer(details: ProductDetails, asked: readonly string[], language: Language): string[] {
  const quote = quotedSentence(details.quotedDescription, asked);
  if (quote === null) return [];
  return [
    say(language, { en: `From the product description: “${quote}”`, 'zh-TW': `商品說明寫道：“${quote}”` }),
  ];
}

/** Answers about one product, or describes it when nothing in particular is asked. */
export async function describeProduct(turn: RulesTurn, productId: string): Promise<RulesReply> {
  const { language, text } = turn;
  const { details, item, facts } = await productDetails(turn.runTool, productId);
  const asked = askedWordsOf(turn);
  const lines = [
    ...details.options
      .filter((o) => asksAbout(text, o.name, Object.values(o.labels)))
      .map((option) => optionLine(details, item, option, language)),
    ...attributeAnswers(details, text, asked, language),
  ];
  const tags = facts.flatMap((f) => (f.kind === 'product' && f.productId === productId ? f.tags : []));
  if (lines.length === 0) lines.push(...tagAnswer(details.title, tags, asked, language));
  if (lines.length === 0) lines.push(...descriptionAnswer(details, asked, language));
  const title = details.title.toLowerCase();
  const unanswered = contentWords(text).filter((word) => !title.includes(word) && !TELL_ME.has(word));
  if (lines.length === 0 && unanswered.length > 0) {
    // Asked something the product's data does not say: say so rather than guess.
    lines.push(
      say(language, {
        en: `The details I have for ${details.title} don't say. A person on our team can check for you.`,
        'zh-TW': `${details.title}的商品資料沒有提到這一點，可以請真人客服幫你確認。`,
      }),
    );
  }
  if (lines.length === 0) lines.push(...overview(details, item, language));
  const stock = stockLine(item, language);
  if (stock !== null) lines.push(stock);
  const cards = item === undefined ? [] : [{ type: 'products' as const, items: [item] }];
  return {
    reply: {
      text: lines.join('\n'),
      cards,
      suggestions: [
        chip(language, { en: 'Add it to cart', 'zh-TW': '加入購物車' }),
        chip(language, { en: 'Is it in stock near me?', 'zh-TW': '門市有現貨嗎' }),
        chip(language, { en: 'Any discounts on this?', 'zh-TW': '這個有優惠嗎' }),
        talkToPerson(language),
      ],
    },
    dialogue: noteCards({ ...turn.dialogue, awaiting: { kind: 'none' } }, cards),
  };
}

/** Which product do you mean? — with the shown ones as chips. */
export function whichProduct(turn: RulesTurn): RulesReply {
  const language = turn.language;
  const shown = turn.dialogue.shown.slice(0, 4);
  const text =
    shown.length === 0
      ? say(language, {
          en: 'Which product do you mean? Tell me what you are looking for and I will find it.',
          'zh-TW': '你指的是哪一款商品呢？告訴我你在找什麼，我幫你找。',
        })
      : say(language, {
          en: 'Which one do you mean — the first, the second…? You can also tap one below.',
          'zh-TW': '你指的是哪一款？第一個、第二個⋯⋯也可以直接點下面的選項。',
        });
  // Labelled with the title, sending the ordinal the brain reads back against the same list.
  const ordinals = shown.map((p, index) => ({
    label: p.title,
    text: say(language, {
      en: `The ${['first', 'second', 'third', 'fourth'][index]} one`,
      'zh-TW': `第${['一', '二', '三', '四'][index]}個`,
    }),
  }));
  return {
    reply: { text, cards: [], suggestions: [...ordinals, talkToPerson(language)] },
    dialogue: { ...turn.dialogue, awaiting: { kind: 'none' } },
  };
}

export async function askAttribute(turn: RulesTurn): Promise<RulesReply> {
  const [productId] = targetProductIds(turn);
  if (productId !== undefined) return describeProduct(turn, productId);
  // "Anything in merino?" with nothing shown is a search, not a question about a product.
  if (!hasReference(turn) && hasCatalogTerms(turn)) return browse(turn);
  return whichProduct(turn);
}
