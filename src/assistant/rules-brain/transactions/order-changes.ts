/**
 * Changing an order after purchase: cancel, return, exchange. Each is previewed through the order
 * engine, which states the exact refund or charge and where it goes; the shopper's yes then runs
 * the same request with its confirmation. A refusal (already shipped, past the return window, a
 * reason the policy does not take) is said plainly, with a person offered.
 */
import type { Suggestion } from '../../conversation/types.js';
import type { ProductFact } from '../../facts/index.js';
import type { Entity } from '../../nlu/index.js';
import { ToolError, type ToolResult } from '../../tools/index.js';
import { chip, type Phrase, say } from '../phrasing.js';
import { wantedValues } from '../pick-variant.js';
import { checkAvailability, productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { offerHandoff } from './handoff.js';
import { cancelPreview, exchangePreview, returnPreview } from './order-change-words.js';
import {
  type OrderLineSummary,
  type OrderSummary,
  readChange,
  readOrder,
  readOrderList,
} from './order-outputs.js';
import { askedIn, encodeRequest, type OrderIntent } from './order-request.js';
import { recentOrders } from './order-status.js';
import { refusalWords } from './refusals.js';
import { linesNamed, whichLines } from './which-lines.js';

/** Refusals that are the store's policy speaking: a person may still help. */
const OUTSIDE_POLICY: ReadonlySet<string> = new Set([
  'not_cancellable',
  'not_modifiable',
  'not_returnable',
  'not_exchangeable',
  'outside_return_window',
  'final_sale',
  'reason_not_allowed',
  'payment_method_required',
]);

function refusal(turn: RulesTurn, error: ToolError, request: string): RulesReply {
  const words = refusalWords(error, turn.language);
  if (OUTSIDE_POLICY.has(error.code)) {
    return offerHandoff(
      turn,
      words,
      'outside_policy',
      `${request} refused by the store's rules (${error.code})`,
    );
  }
  return answer(turn, words, { suggestions: chipsOf(turn.language, chips.orderStatus) });
}

function previewReply(
  turn: RulesTurn,
  tool: string,
  input: Record<string, unknown>,
  result: ToolResult,
  text: string,
): RulesReply {
  const { confirmationId } = readChange(result, turn.context.currency);
  if (confirmationId === undefined) throw new Error(`${tool} previewed without a confirmation id`);
  return answer(turn, text, {
    cards: result.cards ?? [],
    suggestions: chipsOf(turn.language, chips.yes, chips.no),
    dialogue: { pending: { tool, input, confirmationId }, awaiting: { kind: 'confirmation' } },
  });
}

function itemLabel(line: OrderLineSummary, quantity: number): string {
  const options = line.options.length === 0 ? '' : ` (${line.options.join(' / ')})`;
  return `${line.title}${options} × ${quantity}`;
}

function openUnits(line: OrderLineSummary): number {
  return line.quantity - (line.returned ?? 0);
}

function quantityNamed(turn: RulesTurn): number | null {
  const entity = turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: 'quantity' }> => e.type === 'quantity',
  );
  return entity?.value ?? null;
}

const EVERYTHING = /\b(?:all|everything|whole order|entire order)\b|全部|整筆|所有/iu;

async function loadOrder(
  turn: RulesTurn,
  order: string,
): Promise<{ summary: OrderSummary } | { error: ToolError }> {
  const found = await attempt(turn, 'order_status', { order });
  return found.ok ? { summary: readOrder(found.result).summary } : { error: found.error };
}

/**
 * With no order number: the order that holds what the message names ("the Aiguille shell I got"),
 * preferring orders in a state the action suits; or the shopper's only order. Null when unclear.
 */
async function orderHolding(turn: RulesTurn, suits: readonly string[]): Promise<string | null> {
  const listed = await attempt(turn, 'order_status', {});
  if (!listed.ok) return null;
  const orders = readOrderList(listed.result);
  const [only] = orders;
  if (orders.length === 1 && only !== undefined) return only.number;
  const holding: { number: string; status: string }[] = [];
  for (const order of orders) {
    const loaded = await loadOrder(turn, order.number);
    if ('summary' in loaded && linesNamed(turn, loaded.summary.lines).length > 0) holding.push(order);
  }
  const suitable = holding.filter((order) => suits.includes(order.status));
  const [chosen, ...others] = suitable.length > 0 ? suitable : holding;
  return chosen !== undefined && others.length === 0 ? chosen.number : null;
}

async function pickOrder(
  turn: RulesTurn,
  verb: Phrase,
  suits: readonly string[],
): Promise<RulesReply | string> {
  return (await orderHolding(turn, suits)) ?? askOrder(turn, verb);
}

function askOrder(turn: RulesTurn, verb: Phrase): Promise<RulesReply> {
  return recentOrders(
    turn,
    say(turn.language, { en: 'Which order do you mean?', 'zh-TW': '請問是哪一筆訂單？' }),
    (number) => chip(turn.language, { en: `${verb.en} ${number}`, 'zh-TW': `${verb['zh-TW']} ${number}` }),
  );
}

function pickLine(
  turn: RulesTurn,
  summary: OrderSummary,
  lines: readonly OrderLineSummary[],
  verb: Phrase,
  intent: OrderIntent,
): RulesReply {
  const { language } = turn;
  const n = summary.number;
  const suggestions: Suggestion[] = lines.slice(0, 6).map((line) =>
    chip(language, {
      en: `${verb.en} ${line.title} from ${n}`,
      'zh-TW': `${verb['zh-TW']} ${n} 的 ${line.title}`,
    }),
  );
  return answer(
    turn,
    say(language, {
      en: `Which item from order ${n}? ${lines.map((l, i) => `${i + 1}. ${itemLabel(l, openUnits(l))}`).join(' ')}`,
      'zh-TW': `訂單 ${n} 的哪一件商品？${lines.map((l, i) => `${i + 1}. ${itemLabel(l, openUnits(l))}`).join(' ')}`,
    }),
    {
      suggestions,
      dialogue: {
        awaiting: { kind: 'order-item', request: encodeRequest({ intent, order: n, asked: askedIn(turn) }) },
      },
    },
  );
}

export async function cancelOrder(turn: RulesTurn, named: string | null): Promise<RulesReply> {
  const order =
    named ?? (await pickOrder(turn, { en: 'Cancel order', 'zh-TW': '取消訂單' }, ['pending', 'paid']));
  if (typeof order !== 'string') return order;
  const input = { order };
  const preview = await attempt(turn, 'cancel_order', input);
  if (!preview.ok) return refusal(turn, preview.error, `cancel order ${order}`);
  return previewReply(
    turn,
    'cancel_order',
    input,
    preview.result,
    cancelPreview(readChange(preview.result, turn.context.currency), turn.language),
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const STORE_CREDIT = /store credit|credit|購物金|儲值金/iu;
const GIFT_CARD = /gift card|禮物卡|禮品卡/iu;

function refundChoice(text: string): { refundTo?: string } {
  if (GIFT_CARD.test(text)) return { refundTo: 'gift_card' };
  if (STORE_CREDIT.test(text)) return { refundTo: 'store_credit' };
  return {};
}

const RETURN_VERB: Phrase = { en: 'Return', 'zh-TW': '退貨' };
const EXCHANGE_VERB: Phrase = { en: 'Exchange', 'zh-TW': '換貨' };

export async function returnOrder(turn: RulesTurn, named: string | null): Promise<RulesReply> {
  const order = named ?? (await pickOrder(turn, RETURN_VERB, ['delivered']));
  if (typeof order !== 'string') return order;
  const loaded = await loadOrder(turn, order);
  if ('error' in loaded) return refusal(turn, loaded.error, `return from order ${order}`);
  const { summary } = loaded;
  const open = summary.lines.filter((line) => openUnits(line) > 0);
  const chosen = EVERYTHING.test(turn.text) ? open : await narrowByCatalog(turn, whichLines(turn, open));
  if (chosen.length === 0) return refusal(turn, noOpenUnits('return_items'), `return from order ${order}`);
  if (chosen.length > 1 && !EVERYTHING.test(turn.text))
    return pickLine(turn, summary, chosen, RETURN_VERB, 'return_order');
  const quantity = chosen.length === 1 ? quantityNamed(turn) : null;
  const lines = chosen.map((line) => ({
    lineId: line.lineId,
    quantity: Math.min(quantity ?? openUnits(line), openUnits(line)),
  }));
  const chosenRefund = refundChoice(turn.text);
  let input: Record<string, unknown> = { order: summary.number, lines, ...chosenRefund };
  let preview = await attempt(turn, 'return_items', input);
  // Some items refund only one way (clearance to store credit): preview that way, and say so.
  if (
    !preview.ok &&
    preview.error.code === 'refund_method_not_allowed' &&
    chosenRefund.refundTo === undefined
  ) {
    const [allowed] = strings(preview.error.details?.allowed);
    if (allowed !== undefined) {
      input = { ...input, refundTo: allowed };
      preview = await attempt(turn, 'return_items', input);
    }
  }
  if (!preview.ok) return refusal(turn, preview.error, `return from order ${summary.number}`);
  const items = chosen.map((line, i) => itemLabel(line, lines[i]?.quantity ?? 0)).join(', ');
  return previewReply(
    turn,
    'return_items',
    input,
    preview.result,
    returnPreview(readChange(preview.result, turn.context.currency), items, turn.language),
  );
}

/** The order has nothing left to return or exchange: the refusal the engine gives for it. */
function noOpenUnits(tool: string): ToolError {
  return new ToolError(
    tool,
    'quantity_exceeds_delivered',
    'no units of this order are left to return or exchange',
  );
}

const DEFECT = /defect|broken|damaged|faulty|doesn'?t work|瑕疵|壞|破損|故障|損壞/iu;
const WRONG_ITEM = /wrong item|not what i ordered|sent the wrong|寄錯|送錯|不是我訂的/iu;
const SIZE =
  /\bsize\b|too (?:small|big|large|tight|loose)|bigger|smaller|\bfit\b|尺寸|尺碼|太大|太小|大一號|小一號|號/iu;

/** The reason the shopper gives, when they give one; the policy decides whether it allows the exchange. */
function exchangeReason(text: string, changedOption: string | null): string | undefined {
  if (DEFECT.test(text)) return 'defective';
  if (WRONG_ITEM.test(text)) return 'wrong_item';
  if (SIZE.test(text) || (changedOption !== null && /size|尺/iu.test(changedOption))) return 'wrong_size';
  return undefined;
}

export async function exchangeOrder(turn: RulesTurn, named: string | null): Promise<RulesReply> {
  const { language } = turn;
  const order = named ?? (await pickOrder(turn, EXCHANGE_VERB, ['delivered']));
  if (typeof order !== 'string') return order;
  const loaded = await loadOrder(turn, order);
  if ('error' in loaded) return refusal(turn, loaded.error, `exchange on order ${order}`);
  const { summary } = loaded;
  const open = summary.lines.filter((line) => openUnits(line) > 0);
  const chosen = await narrowByCatalog(turn, whichLines(turn, open));
  const [line] = chosen;
  if (line === undefined) return refusal(turn, noOpenUnits('exchange_items'), `exchange on order ${order}`);
  if (chosen.length > 1) return pickLine(turn, summary, chosen, EXCHANGE_VERB, 'exchange_order');

  const product = await productSoldAs(turn, line.title);
  if (product === undefined) {
    return offerHandoff(
      turn,
      say(language, {
        en: `${line.title} is no longer in the catalog, so I can’t arrange an exchange for it here.`,
        'zh-TW': `${line.title}已不在商品目錄中，我無法在這裡為它辦理換貨。`,
      }),
      'outside_policy',
      `exchange of ${line.title} on order ${summary.number}: product no longer listed`,
    );
  }
  const { details } = await productDetails(turn.runTool, product.productId);
  // The values the shopper wants instead: the line's own values are left out, so "24 → 24.5" reads as 24.5.
  const others = details.options.map((option, index) => ({
    name: option.name,
    values: option.values.filter((value) => value !== line.options[index]),
  }));
  const wanted = {
    ...wantedValues(turn.text, turn.understanding.entities, others),
    ...namedAfterFor(turn.text, others),
  };
  const target = details.options.map((option, index) => wanted[option.name] ?? line.options[index] ?? '');
  const variant = details.variants.find((v) => v.options.every((value, index) => value === target[index]));
  if (Object.keys(wanted).length === 0 || variant === undefined) {
    return askReplacement(turn, summary.number, line, product.productId);
  }
  const changed = details.options.find((option) => wanted[option.name] !== undefined)?.name ?? null;
  const reason = exchangeReason(turn.text, changed);
  const quantity = Math.min(quantityNamed(turn) ?? openUnits(line), openUnits(line));
  const input = {
    order: summary.number,
    lines: [{ lineId: line.lineId, quantity, variantId: variant.variantId }],
    ...(reason === undefined ? {} : { reason }),
    ...refundChoice(turn.text),
  };
  const preview = await attempt(turn, 'exchange_items', input);
  if (!preview.ok) return refusal(turn, preview.error, `exchange on order ${summary.number}`);
  const text = exchangePreview(
    readChange(preview.result, turn.context.currency),
    itemLabel(line, quantity),
    target.join(' / '),
    language,
  );
  return previewReply(turn, 'exchange_items', input, preview.result, text);
}

/** The catalog product an order line was sold as, matched on its title in any language. */
async function productSoldAs(turn: RulesTurn, title: string): Promise<ProductFact | undefined> {
  const found = await turn.runTool('search_products', { query: title, limit: 5 });
  const wanted = title.toLowerCase();
  return found.facts.find(
    (f): f is ProductFact =>
      f.kind === 'product' && Object.values(f.title).some((t) => t.toLowerCase() === wanted),
  );
}

const SAME_WORD = { sensitivity: 'base' } as const;

/**
 * Lines the message describes by catalog category or tag ("the jacket" for a line sold as "Aiguille
 * 3L Waterproof Shell"), read from each line's product; all of them when that singles none out.
 */
async function narrowByCatalog(
  turn: RulesTurn,
  lines: readonly OrderLineSummary[],
): Promise<readonly OrderLineSummary[]> {
  const terms = turn.understanding.entities.filter(
    (e): e is Extract<Entity, { type: 'catalog' }> =>
      e.type === 'catalog' && (e.kind === 'category' || e.kind === 'tag'),
  );
  if (lines.length <= 1 || terms.length === 0) return lines;
  const described: OrderLineSummary[] = [];
  for (const line of lines) {
    const product = await productSoldAs(turn, line.title);
    if (product === undefined) continue;
    const words = (term: Extract<Entity, { type: 'catalog' }>) =>
      term.kind === 'category' ? product.categoryPath : product.tags;
    if (
      terms.some((term) => words(term).some((w) => w.localeCompare(term.value, undefined, SAME_WORD) === 0))
    ) {
      described.push(line);
    }
  }
  return described.length > 0 ? described : lines;
}

const INSTEAD = /(?:\bfor|\binto|\bto|換成|換)\s*([^\s,，。.!?？][^,，。!?？]*?)\s*[.。!！]?\s*$/iu;

/**
 * "…for L", "換成 M": the value named at the end of the message. Short values such as sizes "S" or
 * "L" count only as a whole word there, where they cannot be part of another word.
 */
function namedAfterFor(
  text: string,
  options: readonly { readonly name: string; readonly values: readonly string[] }[],
): Record<string, string> {
  const named = INSTEAD.exec(text)?.[1]?.toLowerCase();
  if (named === undefined) return {};
  for (const option of options) {
    const value = option.values.find((v) => v.toLowerCase() === named);
    if (value !== undefined) return { [option.name]: value };
  }
  return {};
}

/** Which size or colour instead: chips for the in-stock variants that differ from the line in one value. */
async function askReplacement(
  turn: RulesTurn,
  number: string,
  line: OrderLineSummary,
  productId: string,
): Promise<RulesReply> {
  const { language } = turn;
  const stock = await checkAvailability(turn.runTool, productId);
  const values = stock.variants
    .filter((v) => v.available > 0)
    .map((v) => v.options.split(' / '))
    .filter((options) => options.filter((value, i) => value !== line.options[i]).length === 1)
    .map((options) => options.find((value, i) => value !== line.options[i]) ?? '')
    .filter((value, index, all) => value !== '' && all.indexOf(value) === index);
  const label = itemLabel(line, openUnits(line));
  if (values.length === 0) {
    return offerHandoff(
      turn,
      say(language, {
        en: `No other size or colour of ${line.title} is in stock right now.`,
        'zh-TW': `${line.title}目前沒有其他尺寸或顏色的庫存。`,
      }),
      'outside_policy',
      `exchange of ${line.title} on order ${number}: no replacement in stock`,
    );
  }
  return answer(
    turn,
    say(language, {
      en: `What would you like instead of ${label}? These are in stock:`,
      'zh-TW': `${label}想換成什麼？以下選項目前有貨：`,
    }),
    {
      suggestions: values.slice(0, 6).map((value) =>
        chip(language, {
          en: `Exchange ${line.title} from ${number} for ${value}`,
          'zh-TW': `換貨 ${number} 的 ${line.title}，換成 ${value}`,
        }),
      ),
    },
  );
}
