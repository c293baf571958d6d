import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationCatalogs } from '../nlu/eval/evaluation-catalogs.js';
import { understand, type Vocabulary } from '../nlu/index.js';
import { initialDialogue } from './index.js';
import { resolveProducts } from './resolve-products.js';
import type { DialogueState, RulesTurn, ShownProduct } from './types.js';

const twd = (amount: number) => ({ amount, currency: 'TWD' });

function shown(productId: string, price: number, colors: string[], brand: string): ShownProduct {
  return {
    productId,
    title: `${brand} Trail Shoe ${productId}`,
    price: twd(price),
    variantId: null,
    brand,
    options: [
      { name: 'Color', values: colors },
      { name: 'Size', values: ['26', '27'] },
    ],
  };
}

const dialogue: DialogueState = {
  ...initialDialogue,
  shown: [
    shown('p1', 320_000, ['Black'], 'Nordkamm'),
    shown('p2', 248_000, ['Blue', 'Grey'], 'Formosa Trail'),
    shown('p3', 410_000, ['Black', 'Olive'], 'Nordkamm'),
  ],
};

let vocabulary: Vocabulary;
beforeAll(async () => {
  vocabulary = (await evaluationCatalogs()).outdoor?.vocabulary as Vocabulary;
});

function turn(text: string, state: DialogueState = dialogue): RulesTurn {
  const understanding = understand(text, { vocabulary, currency: 'TWD', state: { showingProducts: true } });
  return {
    text,
    understanding,
    language: understanding.language,
    dialogue: state,
    context: {
      sessionId: 's',
      locale: 'en',
      currency: 'TWD',
      shopper: { customerId: null, verified: false },
      cartId: null,
      cartToken: null,
      channel: 'online',
    },
    runTool: () => Promise.reject(new Error('no tools here')),
  };
}

const ids = (text: string, state?: DialogueState) =>
  resolveProducts(turn(text, state)).map((p) => p.productId);

describe('resolving references to shown products', () => {
  it('reads ordinals in English and Chinese', () => {
    expect(ids('the second one')).toEqual(['p2']);
    expect(ids('第二個')).toEqual(['p2']);
    expect(ids('the last one')).toEqual(['p3']);
    expect(ids('compare the first and the third')).toEqual(['p1', 'p3']);
  });

  it('reads a description against the shown products’ options', () => {
    expect(ids('the blue one')).toEqual(['p2']);
    expect(ids('藍色那雙')).toEqual(['p2']);
    expect(ids('the olive one')).toEqual(['p3']);
  });

  it('reads price comparisons', () => {
    expect(ids('the cheapest one')).toEqual(['p2']);
    expect(ids('最貴的那雙')).toEqual(['p3']);
    expect(ids('the cheaper one', { ...dialogue, focus: 'p3' })).toEqual(['p1']);
  });

  it('falls back to the product under discussion, and finds nothing past the list', () => {
    expect(ids('how much is it?', { ...dialogue, focus: 'p1' })).toEqual(['p1']);
    expect(ids('the fifth one')).toEqual([]);
    expect(ids('the second one', initialDialogue)).toEqual([]);
  });
});
