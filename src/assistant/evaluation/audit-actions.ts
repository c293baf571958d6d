/**
 * Claims that something was done — "your order is cancelled", "refund issued", "code applied",
 * "已退款" — carry no number for the grounding guard to check, yet promise what only the order
 * and cart services decide. Each such statement must rest on the services' own word: the tool
 * that does it succeeded in that turn, or a fact shows the state (an order already cancelled, a
 * promotion the quote applied). Statements that refuse, ask or speak of what would happen
 * ("will be refunded when the parcel arrives", "要取消嗎") claim nothing.
 */
import type { Fact } from '../facts/index.js';
import type { RecordedTurn } from './types.js';

type Backing = (turn: RecordedTurn, facts: readonly Fact[]) => boolean;

interface ActionClaim {
  readonly name: string;
  readonly words: RegExp;
  readonly backed: Backing;
}

const toolSucceeded =
  (...names: string[]): Backing =>
  (turn) =>
    turn.trace?.tools.some((tool) => tool.ok && names.includes(tool.name)) ?? false;

const orderIn =
  (...statuses: string[]): Backing =>
  (_turn, facts) =>
    facts.some((fact) => fact.kind === 'order' && statuses.includes(fact.status));

const either =
  (...backings: Backing[]): Backing =>
  (turn, facts) =>
    backings.some((backing) => backing(turn, facts));

const promotionApplied: Backing = (_turn, facts) =>
  facts.some((fact) => fact.kind === 'promotion' && fact.status === 'applied');

const refunded: Backing = (_turn, facts) =>
  facts.some((fact) => fact.kind === 'order' && (fact.refunds.length > 0 || fact.status === 'returned'));

const ACTIONS: readonly ActionClaim[] = [
  {
    name: 'cancellation',
    words: /\bcancell?ed\b|已取消|取消成功|已經取消/i,
    backed: either(toolSucceeded('cancel_order'), orderIn('cancelled')),
  },
  {
    name: 'refund',
    words:
      /\brefunded\b|\brefund\b[^.!?。]*\b(?:issued|processed|sent|on its way)\b|已(?:全額)?退款|退款成功|款項退回中/i,
    backed: either(toolSucceeded('cancel_order', 'return_items', 'modify_order'), refunded),
  },
  {
    name: 'exchange',
    words:
      /\bexchange\b[^.!?。]*\b(?:confirmed|booked|arranged)\b|\bexchanged\b|已安排換貨|換貨已確認|換貨成功/i,
    backed: either(toolSucceeded('exchange_items'), orderIn('exchange_requested', 'exchanged')),
  },
  {
    name: 'discount applied',
    words: /\bapplied\b|\blocked in\b|已(?:再次)?套用|套用成功|已鎖定/i,
    backed: promotionApplied,
  },
  {
    name: 'store credit',
    words: /\bstore credit\b[^.!?。]*\b(?:added|issued|credited)\b|已加值|購物金已/i,
    backed: toolSucceeded('cancel_order', 'return_items', 'modify_order', 'exchange_items'),
  },
];

const SENTENCES = /[^.!?。！？\n]+[.!?。！？]?/g;
/** A refusal, a question, or what would or will happen: no claim that it was done. */
const NOT_DONE =
  /[?？]\s*$|\b(?:no|not|never|cannot|can't|couldn't|unable|won't|isn't|wasn't|didn't|sorry|unfortunately|would|will|can|could|shall|if|once|when|after|before)\b|n't\b|(?<!不)不(?!錯)|沒有|沒辦法|無法|抱歉|未能|並非|會(?!員)|將|可以|如果|若|之後|以後|嗎|呢/i;

/** One message per statement of a done action that nothing the services said backs. */
export function auditActionClaims(turns: readonly RecordedTurn[]): string[] {
  const failures: string[] = [];
  const earlier: Fact[] = [];
  turns.forEach((turn, index) => {
    const facts = [...earlier, ...turn.facts];
    for (const sentence of turn.reply.text.match(SENTENCES) ?? []) {
      if (NOT_DONE.test(sentence)) continue;
      for (const action of ACTIONS) {
        const found = sentence.match(action.words);
        if (found === null || action.backed(turn, facts)) continue;
        failures.push(
          `turn ${index + 1}: unsupported ${action.name} claim "${sentence.trim()}" reached the shopper (no service did it)`,
        );
      }
    }
    earlier.push(...turn.facts);
  });
  return failures;
}
