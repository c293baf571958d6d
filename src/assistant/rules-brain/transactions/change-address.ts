/**
 * A new shipping address for an order. Whether the order may still change is the policy's call
 * (its allowed states for `modify`); the chat cannot take a whole postal address reliably, so when
 * the change is allowed the assistant offers a person to make it rather than guess at one.
 */
import { z } from 'zod';
import { chip, say } from '../phrasing.js';
import type { RulesReply, RulesTurn } from '../types.js';
import { answer } from './answer.js';
import { attempt } from './attempt.js';
import { offerHandoff } from './handoff.js';
import { readOrder } from './order-outputs.js';
import { recentOrders } from './order-status.js';
import { statesWords, statusWords } from './order-words.js';
import { refusalWords } from './refusals.js';

/** "change the address", "update my shipping address", "改地址", "更改收件地址". */
export const ADDRESS_CHANGE =
  /\b(?:change|update|correct|edit|fix|wrong)\b[^.?!]{0,30}\baddress\b|(?:改|更改|修改|換|更換)(?:一下)?(?:收件|寄送|送貨)?地址|地址(?:寫錯|錯了|要改)/iu;

const policyOutput = z.object({
  orderChanges: z.array(z.object({ action: z.string(), whileOrderIs: z.array(z.string()) })).optional(),
});

export async function changeAddress(turn: RulesTurn, order: string | null): Promise<RulesReply> {
  const { language } = turn;
  if (order === null) {
    return recentOrders(
      turn,
      say(language, { en: 'Which order’s address should change?', 'zh-TW': '請問要修改哪一筆訂單的地址？' }),
      (number) =>
        chip(language, { en: `Change the address of order ${number}`, 'zh-TW': `更改訂單 ${number} 的地址` }),
    );
  }
  const found = await attempt(turn, 'order_status', { order });
  if (!found.ok) return answer(turn, refusalWords(found.error, language));
  const { summary } = readOrder(found.result);
  const policies = await attempt(turn, 'policy_lookup', { topic: 'returns' });
  const states = policies.ok
    ? (policyOutput.parse(policies.result.output).orderChanges ?? [])
        .filter((change) => change.action === 'modify')
        .flatMap((change) => change.whileOrderIs)
    : [];
  const n = summary.number;
  if (!states.includes(summary.status)) {
    const allowed =
      states.length === 0
        ? ''
        : say(language, {
            en: ` Addresses can change only while an order is ${statesWords(states, language)}.`,
            'zh-TW': `只有在訂單${statesWords(states, language)}時才能修改地址。`,
          });
    return offerHandoff(
      turn,
      `${say(language, {
        en: `Order ${n} is ${statusWords(summary.status, language)}, so its address can’t be changed here.`,
        'zh-TW': `訂單 ${n} 目前${statusWords(summary.status, language)}，無法在這裡修改地址。`,
      })}${allowed}`,
      'outside_policy',
      `the shopper wants to change the shipping address of order ${n} (${summary.status})`,
    );
  }
  return offerHandoff(
    turn,
    say(language, {
      en: `Order ${n} can still get a new address, but I can’t take a full address reliably in this chat.`,
      'zh-TW': `訂單 ${n} 目前還可以修改地址，但我無法在對話中可靠地收取完整地址。`,
    }),
    'shopper_asked',
    `the shopper wants to change the shipping address of order ${n}`,
  );
}
