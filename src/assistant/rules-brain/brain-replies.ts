/**
 * The replies the brain words itself, outside any intent's handler: the greeting that says it is
 * an AI, the honest "I did not follow" with what it can do, and the hand-over after repeated misses.
 */
import type { Reply } from '../conversation/types.js';
import type { Language } from '../nlu/index.js';
import { chip, say, talkToPerson } from './phrasing.js';

export interface BrainIdentity {
  readonly storeName: string;
  readonly assistantName: string;
}

/** The chips that start the things the assistant can do. */
function startingChips(language: Language) {
  return [
    chip(language, { en: 'Where is my order?', 'zh-TW': '我的訂單到哪了' }),
    chip(language, { en: 'Show my cart', 'zh-TW': '看購物車' }),
    talkToPerson(language),
  ];
}

export function greetingReply(language: Language, identity: BrainIdentity): Reply {
  const { assistantName, storeName } = identity;
  return {
    text: say(language, {
      en: `Hi! I'm ${assistantName}, ${storeName}'s AI shopping assistant. I can help you find products, check stock and store pickup, look up prices and promotions, and take care of your cart and orders. Tell me what you're looking for — and if you'd rather talk to a person, just say so.`,
      'zh-TW': `嗨！我是 ${assistantName}，${storeName} 的 AI 購物助理。我可以幫你找商品、查庫存和門市取貨、看價格與優惠，也能處理購物車和訂單。告訴我你在找什麼吧；想找真人客服的話，隨時跟我說。`,
    }),
    cards: [],
    suggestions: startingChips(language),
  };
}

export function notUnderstoodReply(language: Language): Reply {
  return {
    text: say(language, {
      en: "Sorry, I didn't quite follow that. I can help you find products, check stock, your cart and orders — try telling me what you're looking for, like a product type, a brand or a budget.",
      'zh-TW':
        '抱歉，我不太確定你的意思。我可以幫你找商品、查庫存、看購物車和訂單——可以告訴我你在找什麼，例如商品種類、品牌或預算。',
    }),
    cards: [],
    suggestions: startingChips(language),
  };
}

/** A tool refused or failed: say so plainly, never guess at what it would have said. */
export function toolFailedReply(language: Language): Reply {
  return {
    text: say(language, {
      en: "Sorry, I couldn't get that done just now. You can try again, or ask for a person and our team will take it from here.",
      'zh-TW': '抱歉，這件事我現在沒辦法完成。你可以再試一次，或請真人客服接手處理。',
    }),
    cards: [],
    suggestions: [talkToPerson(language)],
  };
}

export function handOverReply(language: Language): Reply {
  return {
    text: say(language, {
      en: "I keep missing what you need, so I'm passing this conversation to our team. A person will reply here as soon as someone is available.",
      'zh-TW': '我一直沒能幫上忙，所以我把這段對話轉給我們的團隊，有同仁可以處理時會在這裡回覆你。',
    }),
    cards: [],
    suggestions: [],
  };
}
