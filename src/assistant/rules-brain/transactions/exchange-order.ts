/**
 * Exchanging delivered items for another size or colour of the same product: which item, which
 * value instead (read from the message, or asked with the values in stock), the reason the
 * shopper gave, then the engine's preview and the shopper's yes.
 */
import { chip, type Phrase, say } from '../phrasing.js';
import { wantedValues } from '../pick-variant.js';
import { checkAvailability, productDetails } from '../tool-outputs.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { offerHandoff } from './handoff.js';
import {
  itemLabel,
  loadOrder,
  narrowByCatalog,
  noOpenUnits,
  openUnits,
  pickLine,
  pickOrder,
  previewReply,
  productSoldAs,
  quantityNamed,
  refundChoice,
  refusal,
} from './order-change-steps.js';
import { exchangePreview } from './order-change-words.js';
import { type OrderLineSummary, readChange } from './order-outputs.js';
import { askedIn, encodeRequest } from './order-request.js';
import { whichLines } from './which-lines.js';

const EXCHANGE_VERB: Phrase = { en: 'Exchange', 'zh-TW': '換貨' };

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
      // A bare "L" (or "just return it") answers this exchange; it is no new search.
      dialogue: {
        awaiting: {
          kind: 'order-item',
          request: encodeRequest({ intent: 'exchange_order', order: number, asked: askedIn(turn) }),
        },
      },
    },
  );
}
