import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../catalog/index.js';
import { productFromInput } from './eval/evaluation-catalogs.js';
import { phraseKey, tokenize } from './text-tokens.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

function product(position: number, overrides: Partial<Product> = {}): Product {
  const base = productFromInput(
    {
      handle: `boot-${position}`,
      title: { en: `Aura Mid Hiking Boot ${position}`, 'zh-TW': `Aura 中筒登山鞋 ${position}` },
      brand: 'Nordkamm',
      categoryPath: ['Footwear', 'Hiking shoes'],
      productType: 'Hiking shoes',
      tags: ['waterproof'],
      attributes: { material: ['suede', 'nylon'], waterproofRating: '20,000 mm', polarised: 'yes' },
      options: [
        { name: 'Color', localizedName: { 'zh-TW': '顏色' }, values: ['Black', 'Grey'] },
        { name: 'Size', localizedName: { 'zh-TW': '尺寸' }, values: ['26', '27', 'M'] },
      ],
      variants: [{ optionValues: ['Black', '26'], price: { amount: 459_000, currency: 'TWD' } }],
    },
    position,
  );
  return { ...base, ...overrides };
}

function lookup(vocabulary: Vocabulary, text: string): string[] {
  return vocabulary
    .lookup(phraseKey(tokenize(text)))
    .map((term) => `${term.kind}:${term.name ?? ''}:${term.value}`);
}

describe('buildVocabulary', () => {
  it('names a product by its model number even when its words are catalog words, but not by a measure', () => {
    const lamp = product(1, {
      id: 'lamp',
      title: { en: 'Hiking Boot 900 Lamp', 'zh-TW': 'Hiking Boot 900 頭燈' },
    });
    const pan = product(2, { id: 'pan', title: { en: 'Hiking Skillet 26 cm' } });
    const vocabulary = buildVocabulary([lamp, pan]);
    expect(lookup(vocabulary, 'hiking boot 900')).toEqual(['product::hiking boot 900']);
    expect(lookup(vocabulary, 'hiking skillet 26')).toEqual([]);
  });

  it('takes categories at every level, types, brands, option and attribute values, tags and names', () => {
    const vocabulary = buildVocabulary([product(1)]);
    expect(lookup(vocabulary, 'footwear')).toEqual(['category::Footwear']);
    expect(lookup(vocabulary, 'Hiking Shoe')).toEqual(['productType::Hiking shoes']);
    expect(lookup(vocabulary, 'nordkamm')).toEqual(['brand::Nordkamm']);
    expect(lookup(vocabulary, 'black')).toEqual(['option:Color:Black']);
    expect(lookup(vocabulary, 'suede')).toEqual(['attribute:material:suede']);
    expect(lookup(vocabulary, 'waterproof')).toEqual(['tag::waterproof']);
    expect(vocabulary.lookup('aura')).toEqual([{ kind: 'product', value: 'aura', productIds: ['prod_1'] }]);
    expect(vocabulary.sizeOptionNames()).toEqual(['Size']);
  });

  it('keeps numbers, one-letter sizes and yes/no out of word matching, and measures apart', () => {
    const vocabulary = buildVocabulary([
      product(1, {
        options: [
          { name: 'Capacity', values: ['1 L', '500 ml'] },
          { name: 'Size', values: ['M'] },
        ],
      }),
    ]);
    expect(vocabulary.lookup('m')).toEqual([]);
    expect(vocabulary.lookup('yes')).toEqual([]);
    expect(vocabulary.lookup('20,000 mm')).toEqual([]);
    expect(vocabulary.lookupMeasure('1l')).toEqual([{ kind: 'option', name: 'Capacity', value: '1 L' }]);
  });

  it('leads synonyms, in any language, to the catalog term', () => {
    const vocabulary = buildVocabulary([product(1)], {
      synonyms: [
        ['hiking shoes', '登山鞋', 'hiking boots'],
        ['black', '黑色'],
      ],
    });
    expect(lookup(vocabulary, '登山鞋')).toEqual(['productType::Hiking shoes']);
    expect(lookup(vocabulary, 'hiking boots')).toEqual(['productType::Hiking shoes']);
    expect(lookup(vocabulary, '黑色')).toEqual(['option:Color:Black']);
    expect(vocabulary.maxPhraseTokens).toBeGreaterThanOrEqual(3);
  });

  it('corrects a long unknown word one typo from a catalog word, and nothing else', () => {
    const vocabulary = buildVocabulary([product(1)], { synonyms: [['hiking shoes', 'hiking boots']] });
    expect(vocabulary.correctWord('waterprof')).toBe('waterproof');
    expect(vocabulary.correctWord('nordkam')).toBe('nordkamm');
    expect(vocabulary.correctWord('waterproof')).toBeUndefined();
    expect(vocabulary.correctWord('blakc')).toBeUndefined();
    expect(vocabulary.correctWord('laterproof')).toBeUndefined();
    vocabulary.upsert(product(2, { brand: 'Velocity' }));
    expect(vocabulary.correctWord('velocty')).toBe('velocity');
  });

  it('prefers the reading most products share when a value sits under two option names', () => {
    const lens = product(3, { options: [{ name: 'Lens', values: ['Grey'] }] });
    const vocabulary = buildVocabulary([product(1), product(2), lens]);
    expect(lookup(vocabulary, 'grey')).toEqual(['option:Color:Grey']);
  });

  it('leaves out products that are not active and forgets removed ones', () => {
    const vocabulary = buildVocabulary([product(1, { status: 'draft' })]);
    expect(lookup(vocabulary, 'nordkamm')).toEqual([]);
    vocabulary.upsert(product(2));
    expect(lookup(vocabulary, 'nordkamm')).toEqual(['brand::Nordkamm']);
    vocabulary.remove('prod_2');
    expect(lookup(vocabulary, 'nordkamm')).toEqual([]);
    expect(vocabulary.phraseCount).toBe(0);
  });

  it('keeps a term while any product still uses it', () => {
    const vocabulary = buildVocabulary([product(1), product(2)]);
    vocabulary.upsert(product(1, { brand: 'Velox' }));
    expect(lookup(vocabulary, 'nordkamm')).toEqual(['brand::Nordkamm']);
    expect(lookup(vocabulary, 'velox')).toEqual(['brand::Velox']);
    vocabulary.remove('prod_2');
    expect(lookup(vocabulary, 'nordkamm')).toEqual([]);
  });

  it('ends in the same state whether built at once or by any sequence of upserts and removals', () => {
    const brands = ['Nordkamm', 'Velox', 'Basalt'];
    const tags = ['waterproof', 'sale', 'new', 'leather'];
    const variantOf = fc.record({
      id: fc.integer({ min: 1, max: 6 }),
      brand: fc.constantFrom(...brands),
      tag: fc.constantFrom(...tags),
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(variantOf, { maxLength: 30 }), (steps) => {
        const incremental = buildVocabulary([]);
        const final = new Map<number, Product>();
        for (const step of steps) {
          if (step.remove) {
            incremental.remove(`prod_${step.id}`);
            final.delete(step.id);
          } else {
            const next = product(step.id, { brand: step.brand, tags: [step.tag] });
            incremental.upsert(next);
            final.set(step.id, next);
          }
        }
        const rebuilt = buildVocabulary(final.values());
        for (const word of [...brands, ...tags, 'aura', 'footwear', 'black']) {
          expect(lookup(incremental, word)).toEqual(lookup(rebuilt, word));
        }
        expect(incremental.phraseCount).toBe(rebuilt.phraseCount);
      }),
    );
  });
});
