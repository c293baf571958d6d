/**
 * The store's policies in plain words: return windows and their exceptions, refund methods,
 * shipping options with fees and delivery days, how tax is shown, and how paying works. Every
 * duration and amount is the policy's own, from this turn's lookup.
 */
import { z } from 'zod';
import type { PolicyFact, ReturnWindowFact } from '../../facts/index.js';
import type { Language } from '../../nlu/index.js';
import { list, type Phrase, say } from '../phrasing.js';
import type { IntentHandler } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { refusalWords } from './refusals.js';

type Topic = 'returns' | 'shipping' | 'tax' | 'payment';

const TOPICS: readonly (readonly [Topic, RegExp])[] = [
  ['returns', /return|refund|exchange|退|換/iu],
  ['shipping', /ship|deliver|postage|運費|配送|寄送|到貨|宅配|取貨/iu],
  ['tax', /\btax|vat|稅/iu],
  ['payment', /\bpay|payment|card|付款|信用卡|刷卡|支付/iu],
];

function topicsOf(text: string): Topic[] {
  const named = TOPICS.filter(([, cue]) => cue.test(text)).map(([topic]) => topic);
  return named.length === 0 ? ['returns', 'shipping'] : named;
}

const shippingOutput = z.object({
  shipping: z
    .union([
      z.string(),
      z.array(
        z.object({
          name: z.string(),
          fee: z.string(),
          freeOver: z.string().optional(),
          businessDays: z.object({ min: z.number(), max: z.number() }),
        }),
      ),
    ])
    .optional(),
  tax: z.string().optional(),
});

const METHOD: Readonly<Record<string, Phrase>> = {
  original: { en: 'your original payment method', 'zh-TW': '原付款方式' },
  store_credit: { en: 'store credit', 'zh-TW': '購物金' },
  gift_card: { en: 'a gift card', 'zh-TW': '禮物卡' },
};

function methods(codes: readonly string[], language: Language): string {
  const words = codes.map((code) => say(language, METHOD[code] ?? { en: code, 'zh-TW': code }));
  return language === 'zh-TW' ? words.join('或') : list(language, words).replace(/ and (?=[^,]*$)/, ' or ');
}

function appliesTo(window: ReturnWindowFact, language: Language): string {
  const zh = language === 'zh-TW';
  const parts = [
    ...(window.tags ?? []).map((tag) => (zh ? `${tag} 標籤的商品` : `items tagged ${tag}`)),
    ...(window.categories ?? []).map((c) => (zh ? `${c} 類商品` : `${c} items`)),
    ...(window.tiers === null
      ? []
      : [zh ? `${window.tiers.join('、')} 等級會員` : `${list(language, window.tiers)} customers`]),
  ];
  return list(language, parts);
}

function returnsText(policy: PolicyFact, language: Language): string {
  const base = say(language, {
    en: `You can return items within ${policy.defaultDays} days of delivery; refunds go to ${methods(policy.refundMethods, language)}.`,
    'zh-TW': `商品送達後 ${policy.defaultDays} 天內可以退貨，退款方式為${methods(policy.refundMethods, language)}。`,
  });
  const exceptions = policy.windows
    .filter((w) => w.ruleId !== null)
    .map((w) =>
      w.days === 0
        ? say(language, {
            en: `${appliesTo(w, language)} are final sale`,
            'zh-TW': `${appliesTo(w, language)}恕不退貨`,
          })
        : say(language, {
            en: `${appliesTo(w, language)}: ${w.days} days`,
            'zh-TW': `${appliesTo(w, language)}：${w.days} 天`,
          }),
    );
  if (exceptions.length === 0) return base;
  return `${base} ${say(language, {
    en: `Exceptions: ${exceptions.join('; ')}.`,
    'zh-TW': `例外：${exceptions.join('；')}。`,
  })}`;
}

function shippingText(output: z.infer<typeof shippingOutput>, language: Language): string | null {
  if (!Array.isArray(output.shipping) || output.shipping.length === 0) return null;
  return output.shipping
    .map((o) => {
      const days = `${o.businessDays.min}–${o.businessDays.max}`;
      const free =
        o.freeOver === undefined
          ? ''
          : say(language, { en: `, free over ${o.freeOver}`, 'zh-TW': `，滿 ${o.freeOver} 免運` });
      return say(language, {
        en: `${o.name}: ${o.fee}${free}, ${days} business days.`,
        'zh-TW': `${o.name}：${o.fee}${free}，${days} 個工作天。`,
      });
    })
    .join(' ');
}

function taxText(mode: string | undefined, language: Language): string | null {
  if (mode === 'inclusive')
    return say(language, { en: 'Prices include tax.', 'zh-TW': '商品價格皆已含稅。' });
  if (mode === 'exclusive')
    return say(language, { en: 'Tax is added at checkout.', 'zh-TW': '稅金於結帳時另計。' });
  return null;
}

const PAYMENT: Phrase = {
  en: 'You pay in the secure checkout form; if you confirm who you are, I can also use a payment method saved on your account. Card details never go through the chat.',
  'zh-TW':
    '付款請在安全的結帳表單中完成；確認身分後，也可以使用帳戶中儲存的付款方式。卡號等資料不會經過對話。',
};

export const policy: IntentHandler = async (turn) => {
  const { language } = turn;
  const topics = topicsOf(turn.text);
  const lookup = topics.filter((t) => t !== 'payment');
  const sentences: string[] = [];
  if (lookup.length > 0) {
    const topic = lookup.length === 1 ? lookup[0] : 'all';
    const found = await attempt(turn, 'policy_lookup', { topic });
    if (!found.ok) return answer(turn, refusalWords(found.error, language));
    const fact = found.result.facts.find((f): f is PolicyFact => f.kind === 'policy');
    const output = shippingOutput.parse(found.result.output);
    if (lookup.includes('returns') && fact !== undefined) sentences.push(returnsText(fact, language));
    const shipping = lookup.includes('shipping') ? shippingText(output, language) : null;
    if (shipping !== null) sentences.push(shipping);
    const tax = lookup.includes('tax') ? taxText(output.tax, language) : null;
    if (tax !== null) sentences.push(tax);
  }
  if (topics.includes('payment')) sentences.push(say(language, PAYMENT));
  if (sentences.length === 0) {
    sentences.push(
      say(language, {
        en: 'The store hasn’t published a policy on that.',
        'zh-TW': '本店尚未公布這方面的政策。',
      }),
    );
  }
  return answer(turn, sentences.join('\n'), {
    suggestions: chipsOf(language, chips.orderStatus, chips.viewCart),
  });
};
