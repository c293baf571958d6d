/**
 * Cancelling an order and returning items after purchase: which order and which items, the
 * engine's preview with the exact refund and where it goes, and the shopper's yes to run it.
 * Items that refund only one way (clearance to store credit) are previewed that way.
 */
import type { Phrase } from '../phrasing.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { attempt } from './attempt.js';
import {
  EVERYTHING,
  itemLabel,
  loadOrder,
  narrowByCatalog,
  noOpenUnits,
  openUnits,
  pickLine,
  pickOrder,
  previewReply,
  quantityNamed,
  refundChoice,
  refusal,
  strings,
} from './order-change-steps.js';
import { cancelPreview, returnPreview } from './order-change-words.js';
import { readChange } from './order-outputs.js';
import { whichLines } from './which-lines.js';

const RETURN_VERB: Phrase = { en: 'Return', 'zh-TW': '退貨' };

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
