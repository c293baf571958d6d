/**
 * What the conversation engine itself says, in English and Traditional Chinese: the safe reply
 * when a draft cannot be trusted, and what happens around a handoff. Every sentence here is
 * honest about who answers; none states a price, stock level or policy.
 */
import type { Language } from '../nlu/index.js';
import type { Card } from '../tools/index.js';

type Phrase = Readonly<Record<Language, string>>;

export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en';
}

const CARD_LINES: Readonly<Record<Card['type'], Phrase>> = {
  products: { en: 'Here is what I found.', 'zh-TW': '這是我找到的商品。' },
  cart: { en: 'Your cart is below.', 'zh-TW': '您的購物車在下方。' },
  checkout: { en: 'Your checkout is ready below.', 'zh-TW': '結帳資訊在下方。' },
  'payment-challenge': {
    en: 'Your bank needs one more step to approve the payment.',
    'zh-TW': '您的銀行需要再驗證一次才能完成付款。',
  },
  confirmation: { en: 'Please check the details below and confirm.', 'zh-TW': '請確認下方的內容。' },
  order: { en: 'Here are your order details.', 'zh-TW': '這是您的訂單資訊。' },
};

const COULD_NOT_ANSWER: Phrase = {
  en: "Sorry, I couldn't answer that reliably. Could you put it another way, or ask for a person?",
  'zh-TW': '抱歉，這個問題我沒辦法可靠地回答。可以換個說法，或請真人客服協助嗎？',
};

/** A reply built only from the turn's cards: used when a draft failed the guard or the model failed mid-turn. */
export function safeReplyText(cards: readonly Card[], language: Language): string {
  if (cards.length === 0) return COULD_NOT_ANSWER[language];
  const lines = cards.map((card) =>
    card.type === 'confirmation'
      ? `${CARD_LINES.confirmation[language]} ${card.summary}`
      : CARD_LINES[card.type][language],
  );
  return [...new Set(lines)].join(' ');
}

const WAITING: Phrase = {
  en: "You're in the queue for our team; a person will answer here as soon as they can. I'll stay out of the way until then.",
  'zh-TW': '您已在真人客服的等候名單中，客服人員會盡快在這裡回覆您。在那之前我不會插話。',
};

export function waitingNotice(language: Language): string {
  return WAITING[language];
}

const HIGH_VALUE: Phrase = {
  en: 'A member of our team will also join this conversation to help with an order of this size.',
  'zh-TW': '由於訂單金額較高，我們的客服人員也會加入對話協助您。',
};

export function highValueNotice(language: Language): string {
  return HIGH_VALUE[language];
}

export function staffJoinedNotice(language: Language, staffName: string): string {
  return language === 'zh-TW'
    ? `${staffName}（真人客服）已加入對話。`
    : `${staffName} from our team has joined the conversation.`;
}

const HANDED_BACK: Phrase = {
  en: "You're talking to the AI assistant again.",
  'zh-TW': '現在由 AI 助理繼續為您服務。',
};

export function handedBackNotice(language: Language): string {
  return HANDED_BACK[language];
}
