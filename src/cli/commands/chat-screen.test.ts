import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../assistant/index.js';
import { cartSummary, createPaint, renderCard, renderSuggestions } from './chat-screen.js';

const twd = (major: number) => ({ amount: major * 100, currency: 'TWD' });

const products: Reply['cards'][number] = {
  type: 'products',
  items: [
    {
      productId: 'p1',
      title: 'Ridge Runner GTX',
      brand: 'Northwind',
      price: twd(3280),
      compareAtPrice: twd(4100),
      imageUrl: null,
      badges: ['20% off trail'],
      stock: { status: 'low_stock', available: 2, pickupToday: ['Taipei Xinyi', 'Banqiao'] },
      options: [
        { name: 'Size', values: ['26', '27'] },
        { name: 'Color', values: ['Black'] },
      ],
      variants: [],
      reason: 'waterproof, in your size',
    },
    {
      productId: 'p2',
      title: 'Trail Sock',
      brand: null,
      price: twd(380),
      compareAtPrice: null,
      imageUrl: null,
      badges: [],
      stock: { status: 'out_of_stock', available: 0, pickupToday: [] },
      options: [],
      variants: [],
    },
  ],
};

describe('chat screen', () => {
  const plain = createPaint(false);

  it('draws products as a numbered list with price, was-price, badge, stock, pickup, options and reason', () => {
    expect(renderCard(products, 'en', plain)).toEqual([
      '  1. Ridge Runner GTX · Northwind',
      '     NT$3,280  was NT$4,100  20% off trail',
      '     only 2 left · pick up today: Taipei Xinyi, Banqiao',
      '     Size: 26 27',
      '     waterproof, in your size',
      '  2. Trail Sock',
      '     NT$380',
      '     out of stock',
    ]);
  });

  it('words stock and pickup in Traditional Chinese', () => {
    const lines = renderCard(products, 'zh-TW', plain);
    expect(lines[2]).toBe('     只剩 2 件 · 今天可取貨: Taipei Xinyi、Banqiao');
    expect(lines[7]).toBe('     缺貨');
  });

  it('numbers quick replies and the cart line in the shopper’s language', () => {
    expect(
      renderSuggestions(
        [
          { label: 'Any', text: 'any' },
          { label: 'Talk to a person', text: 'talk to a person' },
        ],
        'en',
        plain,
      )[0],
    ).toBe('  [1] Any   [2] Talk to a person');
    expect(renderSuggestions([], 'en', plain)).toEqual([]);
    expect(cartSummary({ itemCount: 2, total: twd(6560) }, 'zh-TW', plain)).toBe(
      '  購物車 · 2 件商品 · $6,560 (輸入 /cart 看明細)',
    );
  });

  it('colours only when asked to', () => {
    const coloured = renderCard(products, 'en', createPaint(true)).join('\n');
    expect(coloured).toContain('\u001b[');
    expect(stripVTControlCharacters(coloured)).toBe(renderCard(products, 'en', plain).join('\n'));
  });
});
