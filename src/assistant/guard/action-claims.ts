/**
 * Claims that something was done — "A1008 is cancelled", "I've applied the code FREE100",
 * "已加值購物金", "已幫您退款" — carry no number, yet promise what only the order, cart and
 * promotion services decide. Each is read as an action and is supported only by a fact that
 * shows that state. Refusals, questions and what would or will happen claim nothing.
 */
import type { OrderFact } from '../facts/index.js';
import type { FactIndex } from './fact-index.js';

export type ActionKind =
  | 'cancelled'
  | 'refunded'
  | 'returned'
  | 'exchanged'
  | 'applied'
  | 'credited'
  | 'added-to-cart'
  | 'order-placed'
  | 'free-shipping-added';

/** Words stating each action as done, in English and Traditional Chinese. */
export const ACTION_WORDS: readonly (readonly [ActionKind, RegExp])[] = [
  ['cancelled', /\bcancell?ed\b|已(?:經|幫您|為您)?取消|取消成功/gi],
  [
    'refunded',
    /\brefunded\b|\brefunds?\b[^.!?。]*?\b(?:issued|processed|sent|on its way|completed|done|approved)\b|已(?:經|幫您|為您)?(?:全額|全數)?退(?:款|費|錢)|退款(?:成功|已)|款項(?:已)?退回/gi,
  ],
  [
    'returned',
    /\breturns?\b[^.!?。]*?\b(?:accepted|approved|booked|processed|confirmed|arranged)\b|已(?:經|幫您|為您)?(?:完成|安排)?退貨|退貨(?:成功|已完成|申請已成立)/gi,
  ],
  [
    'exchanged',
    /\bexchanges?\b[^.!?。]*?\b(?:confirmed|booked|arranged|approved|done|open)\b|\bexchanged\b|已(?:經|幫您|為您)?(?:完成|安排)?換貨|換貨(?:已確認|成功|申請已成立)/gi,
  ],
  [
    'applied',
    /\bapplied\b|\blocked in\b|\bredeemed\b|已(?:經|再次|幫您|為您)?套用|套用成功|已鎖定|已(?:幫您|為您)?打.{1,3}折|已兌換/gi,
  ],
  [
    'credited',
    /\b(?:store )?credit\b[^.!?。]*?\b(?:added|issued|credited|loaded)\b|\bcredited\b|已(?:經|幫您|為您)?(?:加值|儲值|發放|存入)|購物金已/gi,
  ],
  [
    'added-to-cart',
    /\badded\b[^.!?。]*?\bto (?:your|the) (?:cart|bag|basket)\b|已(?:經|幫您|為您)?(?:加入|放入|加進)購物車/gi,
  ],
  [
    'order-placed',
    /\border\b[^.!?。]*?\b(?:is placed|has been placed|was placed|placed)\b|下單成功|已(?:經|幫您|為您)?(?:成功)?下單|訂單已成立/gi,
  ],
  [
    'free-shipping-added',
    /\b(?:added|applied|waived|removed)\b[^.!?。]*?\b(?:free shipping|shipping fee|delivery fee)\b|已(?:經|幫您|為您)?(?:加上|套用|免除)?(?:免運|運費全免)/gi,
  ],
];

/** A refusal, a question, or what would or will happen: no claim that it was done. */
export const NOT_DONE =
  /[?？]\s*$|\b(?:not|never|cannot|can't|couldn't|unable|won't|isn't|wasn't|didn't|haven't|hasn't|sorry|unfortunately|would|will|can|could|shall|should|if|once|when|after|before|unless|until)\b|n't\b|'ll\b|(?<!不)不(?!錯)|沒有|沒辦法|無法|抱歉|未能|並非|會(?!員)|將|可以|如果|若|之後|以後|嗎|呢|待|等/i;

/** A cancellation is about an order: "好的，已取消" after a declined request cancels nothing sold. */
const ORDER_MENTION = /\border\b|訂單|\b[A-Z]{1,3}-?\d{3,}\b/i;

export interface ActionCheck {
  readonly supported: boolean;
  readonly reason: string;
  readonly order?: OrderFact;
}

/** Whether the claim's sentence is about an order at all, for actions that only orders have. */
export function mentionsOrder(sentence: string): boolean {
  return ORDER_MENTION.test(sentence);
}

function ordersNamed(sentence: string, index: FactIndex): readonly OrderFact[] {
  const upper = sentence.toUpperCase();
  const named = index.orders.filter((o) => upper.includes(o.number.toUpperCase()));
  return named.length > 0 ? named : index.orders;
}

function orderWith(
  sentence: string,
  index: FactIndex,
  shows: (order: OrderFact) => boolean,
  what: string,
): ActionCheck {
  const order = ordersNamed(sentence, index).find(shows);
  return order === undefined
    ? { supported: false, reason: `no order fact shows it ${what}` }
    : { supported: true, reason: `order ${order.number} shows it ${what}`, order };
}

const hasRefund = (o: OrderFact) => o.refunds.some((r) => r.amount !== 0);

/** Whether a fact shows the state the action claims. */
export function checkAction(action: ActionKind, sentence: string, index: FactIndex): ActionCheck {
  switch (action) {
    case 'cancelled':
      return orderWith(sentence, index, (o) => o.status === 'cancelled', 'cancelled');
    case 'refunded':
    case 'credited':
      return orderWith(sentence, index, (o) => hasRefund(o) || o.status === 'returned', 'refunded');
    case 'returned':
      return orderWith(
        sentence,
        index,
        (o) => o.status === 'return_requested' || o.status === 'returned',
        'returned',
      );
    case 'exchanged':
      return orderWith(
        sentence,
        index,
        (o) => o.status === 'exchange_requested' || o.status === 'exchanged',
        'exchanged',
      );
    case 'order-placed': {
      const order = ordersNamed(sentence, index)[0];
      return order === undefined
        ? { supported: false, reason: 'no order fact shows an order placed' }
        : { supported: true, reason: `order ${order.number} exists`, order };
    }
    case 'applied': {
      const upper = sentence.toUpperCase();
      const named = index.promotions.filter((p) => p.codes.some((code) => upper.includes(code)));
      const candidates = named.length > 0 ? named : index.promotions;
      const applied = candidates.find((p) => p.status === 'applied');
      return applied === undefined
        ? { supported: false, reason: 'no promotion fact shows it applied' }
        : { supported: true, reason: `${applied.name} is applied` };
    }
    case 'added-to-cart': {
      const inCart =
        (index.quote?.lines.length ?? 0) > 0 || index.promotions.some((p) => p.status === 'applied');
      return inCart
        ? { supported: true, reason: 'the cart holds it' }
        : { supported: false, reason: 'no cart fact shows it added' };
    }
    case 'free-shipping-added': {
      const quote = index.quote;
      const free =
        index.promotions.some((p) => p.freeShipping && p.status === 'applied') ||
        (quote !== null && quote.shipping.amount === 0 && quote.shippingFee.amount > 0);
      return free
        ? { supported: true, reason: 'the quote ships free' }
        : { supported: false, reason: 'no quote or promotion makes shipping free' };
    }
  }
}
