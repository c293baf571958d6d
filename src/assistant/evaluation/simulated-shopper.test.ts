import { describe, expect, it } from 'vitest';
import type { Reply } from '../conversation/types.js';
import type { ShopperAnswer } from './scenario.js';
import { answerFor } from './simulated-shopper.js';

const reply = (text: string, cards: Reply['cards'] = []): Reply => ({ text, cards, suggestions: [] });
const size: ShopperAnswer = { asks: ['size', '尺寸'], say: '27' };
const confirm: ShopperAnswer = { card: 'confirmation', say: 'Yes, go ahead.' };

describe('the simulated shopper', () => {
  it('answers a question that mentions what the answer is for', () => {
    expect(answerFor(reply('Which size do you wear?'), [size], new Set())).toBe(size);
    expect(answerFor(reply('請問您穿幾號的尺寸呢'), [size], new Set())).toBe(size);
  });

  it('answers a request for information as a question', () => {
    const identity: ShopperAnswer = { asks: ['postal code', '郵遞區號'], say: 'Emily Carter, 110208' };
    expect(
      answerFor(reply('Please tell me the name and postal code on your account.'), [identity], new Set()),
    ).toBe(identity);
    expect(answerFor(reply('請提供帳戶上的姓名和郵遞區號。'), [identity], new Set())).toBe(identity);
  });

  it('reads only the sentences that ask: a product named "Men\'s" in a list is no question about men\'s', () => {
    const gender: ShopperAnswer = { asks: ['men'], say: "Men's, please." };
    const list = reply("1. Aura Mid WP Hiking Boot — Men's (NT$5,480). Want me to add one to your cart?");
    expect(answerFor(list, [gender], new Set())).toBeNull();
    expect(answerFor(reply("Men's or women's?"), [gender], new Set())).toBe(gender);
  });

  it('reads a question without the names of the products it is about', () => {
    const gender: ShopperAnswer = { asks: ['men'], say: "Men's, please." };
    const colour: ShopperAnswer = { asks: ['color'], say: 'Black.' };
    const twd = { amount: 548_000, currency: 'TWD' };
    const item = {
      productId: 'prod_aura',
      title: "Aura Mid WP Hiking Boot — Men's",
      brand: 'Nordkamm',
      price: twd,
      compareAtPrice: null,
      imageUrl: null,
      badges: [],
      stock: { status: 'in_stock', available: 5, pickupToday: [] },
      options: [],
      variants: [],
    } as const;
    const card: Reply['cards'][number] = { type: 'products', items: [item] };
    const question = reply("Which color would you like for Aura Mid WP Hiking Boot — Men's?", [card]);
    expect(answerFor(question, [gender, colour], new Set())).toBe(colour);
  });

  it('says nothing when the reply asks nothing, even if it mentions the words', () => {
    expect(answerFor(reply('Size 27 is in stock.'), [size], new Set())).toBeNull();
  });

  it('answers a card that asks, such as a confirmation', () => {
    const card = {
      type: 'confirmation',
      tool: 'cancel_order',
      confirmationId: 'c1',
      summary: 'Cancel A1002',
    } as const;
    expect(answerFor(reply('Shall I cancel it?', [card]), [size, confirm], new Set())).toBe(confirm);
  });

  it('gives each answer once, so an assistant asking again gets no answer', () => {
    expect(answerFor(reply('Which size?'), [size], new Set([size]))).toBeNull();
  });
});
