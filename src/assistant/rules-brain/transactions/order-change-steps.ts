/**
 * The steps every order change shares: load the order, find which order and which items the
 * shopper means (asking when it is unclear), preview through the engine and keep the preview
 * pending for the shopper's yes, and say a refusal plainly with a person offered.
 */
import type { Suggestion } from '../../conversation/types.js';
import type { ProductFact } from '../../facts/index.js';
import type { Entity } from '../../nlu/index.js';
import { ToolError, type ToolResult } from '../../tools/index.js';
import { chip, type Phrase, say } from '../phrasing.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { offerHandoff } from './handoff.js';
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
import { linesNamed } from './which-lines.js';

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

export function refusal(turn: RulesTurn, error: ToolError, request: string): RulesReply {
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

export function previewReply(
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

export function itemLabel(line: OrderLineSummary, quantity: number): string {
  const options = line.options.length === 0 ? '' : ` (${line.options.join(' / ')})`;
  return `${line.title}${options} × ${quantity}`;
}

export function openUnits(line: OrderLineSummary): number {
  return line.quantity - (line.returned ?? 0);
}

export function quantityNamed(turn: RulesTurn): number | null {
  const entity = turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: 'quantity' }> => e.type === 'quantity',
  );
  return entity?.value ?? null;
}

export const EVERYTHING = /\b(?:all|everything|whole order|entire order)\b|全部|整筆|所有/iu;

export async function loadOrder(
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

export async function pickOrder(
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

export function pickLine(
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

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const STORE_CREDIT = /store credit|credit|購物金|儲值金/iu;
const GIFT_CARD = /gift card|禮物卡|禮品卡/iu;

export function refundChoice(text: string): { refundTo?: string } {
  if (GIFT_CARD.test(text)) return { refundTo: 'gift_card' };
  if (STORE_CREDIT.test(text)) return { refundTo: 'store_credit' };
  return {};
}

/** The order has nothing left to return or exchange: the refusal the engine gives for it. */
export function noOpenUnits(tool: string): ToolError {
  return new ToolError(
    tool,
    'quantity_exceeds_delivered',
    'no units of this order are left to return or exchange',
  );
}

/** The catalog product an order line was sold as, matched on its title in any language. */
export async function productSoldAs(turn: RulesTurn, title: string): Promise<ProductFact | undefined> {
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
export async function narrowByCatalog(
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
