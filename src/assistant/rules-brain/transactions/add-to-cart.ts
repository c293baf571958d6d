/**
 * Adding to the cart: the product from what is on screen ("the second one", its whole title) or
 * found from the message's words, the variant from the size and colour words (values picked in
 * earlier answers and the shopper's size kept), asking for a missing option with the values in
 * stock and remembering the add so a short answer ("42", "any is fine") completes it.
 */
import type { Entity } from '../../nlu/index.js';
import { browse } from '../discovery/find-products.js';
import { chip, say } from '../phrasing.js';
import { pickVariant, wantedValues } from '../pick-variant.js';
import { resolveProducts } from '../resolve-products.js';
import type { IntentHandler, RulesReply, RulesTurn, ShownProduct } from '../types.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { cartAnswer, refused } from './cart-answer.js';
import { readCart } from './cart-state.js';
import { quantityOf } from './quantity.js';
import { refusalWords } from './refusals.js';

function optionEntity(turn: RulesTurn, name: string, value: string): Entity {
  return {
    type: 'catalog',
    kind: 'option',
    name,
    value,
    start: turn.text.length,
    end: turn.text.length,
    text: value,
  };
}

/**
 * The turn with what the shopper already said added back as if named again: option values picked
 * in earlier answers ("S" then "1 pair" reads as S / 1 pair), and the size their need holds
 * ("he's a size 18", then "add the yellow ones").
 */
function withEarlierChoices(turn: RulesTurn, chosen: Readonly<Record<string, string>>): RulesTurn {
  const earlier: Entity[] = Object.entries(chosen).map(([name, value]) => optionEntity(turn, name, value));
  const size = turn.dialogue.need?.size ?? null;
  if (size !== null && !turn.understanding.entities.some((e) => e.type === 'size')) {
    earlier.push({ type: 'size', value: size, start: turn.text.length, end: turn.text.length, text: size });
  }
  if (earlier.length === 0) return turn;
  return {
    ...turn,
    understanding: { ...turn.understanding, entities: [...turn.understanding.entities, ...earlier] },
  };
}

const ANY =
  /^\s*(?:any(?:\s+(?:is fine|will do|one))?|anything|whatever|either|no preference|doesn'?t matter|都可以|都行|隨便|沒差|無所謂)\s*[.!。！]?\s*$/iu;

const PRODUCT_WORDS: ReadonlySet<string> = new Set(['product', 'productType', 'category', 'brand']);

function namesProducts(turn: RulesTurn): boolean {
  return turn.understanding.entities.some((e) => e.type === 'catalog' && PRODUCT_WORDS.has(e.kind));
}

function pointsElsewhere(turn: RulesTurn): boolean {
  return namesProducts(turn) || turn.understanding.entities.some((e) => e.type === 'reference');
}

function whichProduct(turn: RulesTurn, candidates: readonly ShownProduct[]): RulesReply {
  const { language } = turn;
  if (candidates.length === 0) {
    return answer(
      turn,
      say(language, {
        en: 'Which product would you like to add? Tell me its name, or search and pick one from the list.',
        'zh-TW': '請問要加入哪一件商品？可以告訴我商品名稱，或先搜尋再從清單中挑選。',
      }),
    );
  }
  return answer(
    turn,
    say(language, { en: 'Which one would you like to add?', 'zh-TW': '請問要加入哪一件？' }),
    {
      suggestions: candidates
        .slice(0, 4)
        .map((product) =>
          chip(language, { en: `Add ${product.title}`, 'zh-TW': `把${product.title}加入購物車` }),
        ),
    },
  );
}

/** A shown product whose whole title the message carries ("Add Merino Hiker Crew Socks"). */
function titled(turn: RulesTurn): ShownProduct[] {
  const text = turn.text.toLowerCase();
  const named = turn.dialogue.shown.filter((p) => text.includes(p.title.toLowerCase()));
  const longest = Math.max(0, ...named.map((p) => p.title.length));
  return named.filter((p) => p.title.length === longest);
}

/**
 * The message's words that no entity took and that stand next to a catalog word ("五趾" of
 * "五趾登山襪", "crew" of "hiker crew socks"): likely the product's own name, for the search to read.
 */
function freeWords(turn: RulesTurn): string {
  const { text } = turn;
  const { entities } = turn.understanding;
  const taken = (index: number) => entities.some((e) => index >= e.start && index < e.end);
  const catalogAt = (index: number) =>
    entities.some((e) => e.type === 'catalog' && index >= e.start && index < e.end);
  const words: string[] = [];
  for (const chunk of text.matchAll(/[^\p{P}\p{S}]+/gu)) {
    let start = chunk.index;
    const end = chunk.index + chunk[0].length;
    while (start < end) {
      if (taken(start)) {
        start += 1;
        continue;
      }
      let stop = start;
      while (stop < end && !taken(stop)) stop += 1;
      const before = text.slice(0, start).trimEnd().length - 1;
      const after = stop + (text.slice(stop).length - text.slice(stop).trimStart().length);
      const word = text.slice(start, stop).trim();
      if (word !== '' && ((before >= 0 && catalogAt(before)) || (after < end && catalogAt(after))))
        words.push(word);
      start = stop;
    }
  }
  return words.join(' ');
}

/** Whether a search reply shows products or asks a question that narrows them. */
function foundAny(reply: RulesReply): boolean {
  return (
    reply.reply.cards.some((card) => card.type === 'products') || reply.dialogue.awaiting.kind === 'question'
  );
}

/**
 * A product named with nothing on screen ("add the merino crew socks"): find it as a search
 * would; when exactly one fits, or one of those found is named by its whole title, add it,
 * otherwise show what fits so the shopper can pick.
 */
async function addFound(turn: RulesTurn): Promise<RulesReply> {
  const fresh: RulesTurn = { ...turn, dialogue: { ...turn.dialogue, need: null } };
  const words = freeWords(turn);
  const withWords = words === '' ? null : await browse(fresh, words);
  // The free words may be no product's ("to my cart please"): then the catalog words alone.
  const found = withWords !== null && foundAny(withWords) ? withWords : await browse(fresh);
  // Nothing found from words the vocabulary did not know either: ask, rather than say "no match".
  if (found.dialogue.shown.length === 0 && !namesProducts(turn)) return whichProduct(turn, []);
  if (found.dialogue.awaiting.kind !== 'none') return found;
  const titledFound = titled({ ...turn, dialogue: found.dialogue });
  if (titledFound.length === 1) return addToCart({ ...turn, dialogue: found.dialogue });
  const [only] = found.dialogue.shown;
  if (only === undefined || found.dialogue.shown.length > 1) return found;
  // Added straight away only when the message names that very product; a near match is shown, not bought.
  const named =
    turn.text.toLowerCase().includes(only.title.toLowerCase()) ||
    turn.understanding.entities.some(
      (e) =>
        e.type === 'catalog' &&
        e.kind === 'product' &&
        e.productIds?.length === 1 &&
        e.productIds[0] === only.productId,
    );
  return named ? addToCart({ ...turn, dialogue: found.dialogue }) : found;
}

export const addToCart: IntentHandler = async (turn) => {
  const { language, dialogue } = turn;
  // A reply to "which size?" completes that add, unless the shopper has moved on to another product.
  const awaited = dialogue.awaiting.kind === 'variant' && !pointsElsewhere(turn) ? dialogue.awaiting : null;
  const exact = awaited === null ? titled(turn) : [];
  const products = awaited !== null ? [] : exact.length > 0 ? exact : resolveProducts(turn);
  const productId = awaited?.productId ?? (products.length === 1 ? products[0]?.productId : undefined);
  if (productId === undefined) {
    // Nothing on screen to point at: the words may still name a product the search knows.
    const searchable = products.length === 0 && (namesProducts(turn) || dialogue.shown.length === 0);
    return searchable ? addFound(turn) : whichProduct(turn, products);
  }
  const quantity = quantityOf(turn) ?? awaited?.quantity ?? 1;

  let asked = withEarlierChoices(turn, awaited?.chosen ?? {});
  let choice = await pickVariant(asked.runTool, productId, asked);
  // "Any is fine" to "which size?": the first value in stock, for each option still open.
  for (
    let open = 0;
    awaited !== null && ANY.test(turn.text) && choice.kind === 'missing' && open < 3;
    open += 1
  ) {
    const [first] = choice.values;
    if (first === undefined) break;
    asked = {
      ...asked,
      understanding: {
        ...asked.understanding,
        entities: [...asked.understanding.entities, optionEntity(asked, choice.option, first)],
      },
    };
    choice = await pickVariant(asked.runTool, productId, asked);
  }
  const title = choice.details.title;
  if (choice.kind === 'missing') {
    return answer(
      turn,
      say(language, {
        en: `Which ${choice.option.toLowerCase()} would you like for ${title}? Pick one below.`,
        'zh-TW': `${title}要哪個 ${choice.option}？請從下方選擇。`,
      }),
      {
        suggestions: choice.values.slice(0, 8).map((value) => ({ label: value, text: value })),
        dialogue: {
          focus: productId,
          awaiting: {
            kind: 'variant',
            productId,
            option: choice.option,
            quantity,
            chosen: wantedValues(asked.text, asked.understanding.entities, choice.details.options),
          },
        },
      },
    );
  }
  if (choice.kind === 'no_match') {
    const wanted = Object.values(choice.wanted).join(' / ');
    return answer(
      turn,
      say(language, {
        en: `${title} doesn’t come in ${wanted}. Would you like a different option?`,
        'zh-TW': `${title}沒有 ${wanted} 這個組合，要換個選項嗎？`,
      }),
      { dialogue: { focus: productId } },
    );
  }
  const added = await attempt(turn, 'cart_add', { variantId: choice.variantId, quantity });
  if (!added.ok) return refused(turn, refusalWords(added.error, language));
  const cart = readCart(added.result);
  const label = choice.values.length === 0 ? title : `${title} (${choice.values.join(' / ')})`;
  const lead = say(language, {
    en: `Added ${label} × ${quantity} to your cart.`,
    'zh-TW': `已將 ${label} × ${quantity} 加入購物車。`,
  });
  return cartAnswer(turn, lead, cart, {
    dialogue: {
      focus: productId,
      shown: dialogue.shown.map((p) =>
        p.productId === productId ? { ...p, variantId: choice.variantId } : p,
      ),
    },
  });
};

/** "Any is fine" to "which size?": the add continues whatever the NLU made of the words. */
export function variantSkip(turn: RulesTurn): IntentHandler | null {
  return turn.dialogue.awaiting.kind === 'variant' && ANY.test(turn.text) ? addToCart : null;
}
