import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outdoorShop, sketchProduct, teaShop } from '../../../test/fixtures/search/catalogs.js';
import { ValidationError } from '../../core/index.js';
import type { Product } from '../types.js';
import { createSearchIndex, loadSynonymGroups, type SearchIndex, type SearchQuery } from './index.js';

function indexOf(
  products: readonly Product[],
  options: Parameters<typeof createSearchIndex>[0] = {},
): SearchIndex {
  const index = createSearchIndex(options);
  for (const product of products) index.upsert(product);
  return index;
}

const ids = (index: SearchIndex, query: SearchQuery) => index.search(query).hits.map((hit) => hit.productId);

describe('text matching and ranking', () => {
  const outdoor = indexOf(outdoorShop());
  const tea = indexOf(teaShop());

  it('ranks a title match above a description match', () => {
    expect(ids(outdoor, { q: 'waterproof' })).toEqual(['rain-jacket', 'hiking-boot', 'softshell-coat']);
  });

  it('breaks equal scores by newest', () => {
    const [first, second] = outdoor.search({ q: 'waterproof' }).hits;
    expect(first!.score).toBe(second!.score);
    expect(first!.productId).toBe('rain-jacket');
  });

  it('requires every query word', () => {
    expect(ids(outdoor, { q: 'waterproof boots' })).toEqual(['hiking-boot']);
  });

  it('matches brand, category, tags and attribute values', () => {
    expect(ids(outdoor, { q: 'trailhead' })).toEqual(['daypack']);
    expect(ids(outdoor, { q: 'footwear' }).sort()).toEqual(['hiking-boot', 'trail-shoe']);
    expect(ids(outdoor, { q: 'windproof' })).toEqual(['softshell-coat']);
    expect(ids(outdoor, { q: 'leather' })).toEqual(['hiking-boot']);
    expect(ids(tea, { q: 'hsinchu' })).toEqual(['oriental-beauty']);
  });

  it('finds a variant by SKU and matches only that variant', () => {
    const [hit] = outdoor.search({ q: 'SUM-RJ-BK-M' }).hits;
    expect(hit?.matchedVariantIds).toEqual(['rain-jacket-black-m']);
  });

  it('does not index products that are not active', () => {
    expect(ids(outdoor, { q: 'tent' })).toEqual([]);
    expect(outdoor.size()).toEqual({ products: 5, variants: 13 });
  });

  it('folds case, width and accents', () => {
    const index = indexOf([
      sketchProduct({
        id: 'creme',
        title: { en: 'Crème Brûlée Tea' },
        variants: [{ id: 'creme-1', price: 100 }],
        createdAt: 1,
      }),
    ]);
    expect(ids(index, { q: 'CREME brulee' })).toEqual(['creme']);
    expect(ids(index, { q: 'ｔｅａ' })).toEqual(['creme']);
  });

  it('matches plurals and singulars both ways', () => {
    expect(ids(outdoor, { q: 'boot' })).toEqual(['hiking-boot']);
    expect(ids(outdoor, { q: 'jackets ' })).toContain('rain-jacket');
  });

  it('reports words the catalog never uses and matches the rest', () => {
    const result = outdoor.search({ q: 'waterproof zeppelin ' });
    expect(result.query.ignored).toEqual(['zeppelin']);
    expect(result.total).toBe(3);
  });

  it('returns nothing when no query word is known', () => {
    expect(outdoor.search({ q: 'zeppelin ' }).total).toBe(0);
  });
});

describe('typos and prefixes', () => {
  const outdoor = indexOf(outdoorShop());

  it('corrects one and two typos by word length', () => {
    const result = outdoor.search({ q: 'waterprof ' });
    expect(result.query.corrected).toEqual({ waterprof: 'waterproof' });
    expect(result.hits.map((hit) => hit.productId)).toContain('rain-jacket');
    expect(ids(outdoor, { q: 'jakcet ' })).toEqual(['rain-jacket', 'softshell-coat']);
    expect(ids(outdoor, { q: 'watreproff ' })).toContain('hiking-boot');
  });

  it('allows no typo in short words', () => {
    expect(ids(outdoor, { q: 'bqg ' })).toEqual([]);
  });

  it('scores a typo below the exact word', () => {
    const exact = outdoor.search({ q: 'waterproof ' }).hits[0]!.score;
    const typo = outdoor.search({ q: 'waterprof ' }).hits[0]!.score;
    expect(typo).toBeLessThan(exact);
  });

  it('completes the last word while typing, but not once a space follows', () => {
    expect(ids(outdoor, { q: 'dayp' })).toEqual(['daypack']);
    expect(ids(outdoor, { q: 'waterproof boo' })).toEqual(['hiking-boot']);
    expect(ids(outdoor, { q: 'dayp ' })).toEqual([]);
  });
});

describe('synonyms', () => {
  const groups = [
    ['waterproof', '防水'],
    ['jacket', '外套', 'coat'],
  ];
  const outdoor = indexOf(outdoorShop(), { synonyms: groups });

  it('finds each entry of a group from any other, across languages', () => {
    expect(ids(outdoor, { q: 'coat ' })).toEqual(['rain-jacket', 'softshell-coat']);
    expect(ids(outdoor, { q: 'jacket ' })).toContain('softshell-coat');
    expect(ids(outdoor, { q: '外套' })).toContain('softshell-coat');
  });

  it('finds nothing through a group that is not configured', () => {
    expect(ids(indexOf(outdoorShop()), { q: 'coat ' })).toEqual(['softshell-coat']);
  });

  it('knows common colours across languages and picks the variants in that colour', () => {
    const [jacket] = outdoor.search({ q: '黑色 jacket' }).hits;
    expect(jacket?.productId).toBe('rain-jacket');
    expect(jacket?.matchedVariantIds).toEqual(['rain-jacket-black-m', 'rain-jacket-black-l']);
  });

  it('can leave the built-in groups out', () => {
    const plain = indexOf(outdoorShop(), { withoutDefaultSynonyms: true });
    expect(ids(plain, { q: '黑色' })).toEqual([]);
  });

  it('loads groups from a JSON file and refuses a malformed one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aisle-synonyms-'));
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify([['backpack', 'rucksack', '背包']]));
    const index = indexOf(outdoorShop(), { synonyms: loadSynonymGroups(good) });
    expect(ids(index, { q: 'rucksack ' })).toEqual(['daypack']);
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ backpack: 'rucksack' }));
    expect(() => loadSynonymGroups(bad)).toThrow(ValidationError);
  });
});

describe('Chinese and mixed-language queries', () => {
  const both = indexOf([...outdoorShop(), ...teaShop()]);

  it('segments a query into words the title holds', () => {
    expect(ids(both, { q: '防水外套' })[0]).toBe('rain-jacket');
    expect(ids(both, { q: '登山鞋' })).toEqual(['hiking-boot']);
  });

  it('reads a size with a measure word as the size option and matches that variant', () => {
    const result = both.search({ q: '跑鞋 26號' });
    expect(result.hits.map((hit) => hit.productId)).toEqual(['trail-shoe']);
    expect(result.hits[0]?.matchedVariantIds).toEqual(['trail-shoe-26']);
    expect(result.query.terms).toEqual(['跑鞋', '26']);
  });

  it('matches a weight written with a unit against the option value', () => {
    const [hit] = both.search({ q: '東方美人茶 150公克' }).hits;
    expect(hit?.matchedVariantIds).toEqual(['oriental-beauty-150']);
  });

  it('finds a tea by its Chinese name', () => {
    expect(ids(both, { q: '東方美人茶' })).toEqual(['oriental-beauty']);
    expect(ids(both, { q: '凍頂烏龍' })).toEqual(['dong-ding']);
  });

  it('drops words that carry no product meaning', () => {
    expect(ids(both, { q: '我想買東方美人茶' })).toEqual(['oriental-beauty']);
  });

  it('mixes English and Chinese in one query', () => {
    expect(ids(both, { q: 'Gore-Tex 外套' })).toEqual(['rain-jacket']);
    expect(ids(both, { q: 'oolong 冷泡' })).toEqual([]);
    expect(ids(both, { q: 'tea 隨行瓶' })).toEqual(['cold-brew-bottle']);
  });

  it('treats hyphenated, joined and spaced spellings alike', () => {
    for (const q of ['gore-tex ', 'goretex ', 'gore tex ', 'GORE TEX ']) {
      expect(ids(both, { q }).sort()).toEqual(['hiking-boot', 'rain-jacket']);
    }
  });

  it('localizes hit titles', () => {
    const [hit] = both.search({ q: 'oriental beauty', locale: 'zh-TW' }).hits;
    expect(hit?.title).toBe('東方美人茶');
  });
});

describe('filters', () => {
  const outdoor = indexOf(outdoorShop());

  it('filters by category at any level, ignoring case', () => {
    expect(ids(outdoor, { filters: { category: 'footwear' } }).sort()).toEqual(['hiking-boot', 'trail-shoe']);
    expect(ids(outdoor, { filters: { category: 'HIKING SHOES' } })).toEqual(['hiking-boot']);
  });

  it('filters by any of several brands', () => {
    expect(ids(outdoor, { filters: { brand: ['summit', 'Trailhead'] } }).sort()).toEqual([
      'daypack',
      'hiking-boot',
      'rain-jacket',
    ]);
  });

  it('filters by option values and keeps only the matching variants', () => {
    const result = outdoor.search({ filters: { options: { COLOR: ['black'] } } });
    expect(result.hits.map((hit) => hit.productId).sort()).toEqual(['rain-jacket', 'softshell-coat']);
    const jacket = result.hits.find((hit) => hit.productId === 'rain-jacket')!;
    expect(jacket.matchedVariantIds).toEqual(['rain-jacket-black-m', 'rain-jacket-black-l']);
    expect(jacket.priceFrom).toEqual({ amount: 599000, currency: 'TWD' });
  });

  it('accepts a localized option name', () => {
    expect(ids(outdoor, { filters: { options: { 尺寸: ['28'] } } })).toEqual(['hiking-boot']);
  });

  it('combines option names with AND', () => {
    const [hit] = outdoor.search({ filters: { options: { color: ['red'], size: ['l'] } } }).hits;
    expect(hit?.matchedVariantIds).toEqual(['rain-jacket-red-l']);
  });

  it('filters by tags, product type and attributes', () => {
    expect(ids(outdoor, { filters: { tags: ['Rain', 'windproof'] } }).sort()).toEqual([
      'rain-jacket',
      'softshell-coat',
    ]);
    expect(ids(outdoor, { filters: { productType: 'shoes' } }).sort()).toEqual(['hiking-boot', 'trail-shoe']);
    expect(ids(outdoor, { filters: { attributes: { Material: ['gore-tex'] } } }).sort()).toEqual([
      'hiking-boot',
      'rain-jacket',
    ]);
    expect(ids(outdoor, { filters: { attributes: { material: ['gore-tex'], gender: ['men'] } } })).toEqual([
      'rain-jacket',
    ]);
  });

  it('filters by price per variant and reports the cheapest matching one', () => {
    const result = outdoor.search({ filters: { priceMin: 410000, priceMax: 480000 } });
    expect(result.hits.map((hit) => hit.productId).sort()).toEqual(['hiking-boot', 'trail-shoe']);
    const shoe = result.hits.find((hit) => hit.productId === 'trail-shoe')!;
    expect(shoe.matchedVariantIds).toEqual(['trail-shoe-27']);
    expect(shoe.priceFrom.amount).toBe(419000);
  });

  it('refuses a price that is not an integer of minor units', () => {
    expect(() => outdoor.search({ filters: { priceMin: 10.5 } })).toThrow(ValidationError);
  });

  it('combines text and filters', () => {
    expect(ids(outdoor, { q: 'waterproof', filters: { category: 'clothing' } }).sort()).toEqual([
      'rain-jacket',
      'softshell-coat',
    ]);
  });
});

describe('availability', () => {
  it('counts a variant without availability as out of stock, and follows changes', () => {
    const index = indexOf(outdoorShop());
    expect(ids(index, { filters: { inStock: true } })).toEqual([]);
    index.setAvailability('trail-shoe-26', { taipei: 2, kaohsiung: 0 });
    const [hit] = index.search({ filters: { inStock: true } }).hits;
    expect(hit?.productId).toBe('trail-shoe');
    expect(hit?.matchedVariantIds).toEqual(['trail-shoe-26']);
    index.setAvailability('trail-shoe-26', { taipei: 0, kaohsiung: 0 });
    expect(ids(index, { filters: { inStock: true } })).toEqual([]);
  });

  it('filters by stock at one location', () => {
    const index = indexOf(outdoorShop());
    index.setAvailability('daypack-green', { taipei: 0, kaohsiung: 3 });
    expect(ids(index, { filters: { locationId: 'kaohsiung' } })).toEqual(['daypack']);
    expect(ids(index, { filters: { inStock: true, locationId: 'taipei' } })).toEqual([]);
  });

  it('keeps availability reported before the product arrives', () => {
    const index = createSearchIndex();
    index.setAvailability('daypack-green', { taipei: 1 });
    for (const product of outdoorShop()) index.upsert(product);
    expect(ids(index, { filters: { inStock: true } })).toEqual(['daypack']);
  });

  it('ranks in-stock products first among equal scores', () => {
    const index = indexOf(outdoorShop());
    index.setAvailability('hiking-boot-27', { taipei: 1 });
    expect(ids(index, { q: 'waterproof' }).slice(0, 2)).toEqual(['hiking-boot', 'rain-jacket']);
  });
});

describe('facets', () => {
  const outdoor = indexOf(outdoorShop());

  it('counts values over the matching products', () => {
    const result = outdoor.search({ q: 'hiking', facets: ['brand', 'category', 'tag', 'productType'] });
    expect(result.facets.brand).toEqual([
      { value: 'Summit', count: 2 },
      { value: 'Trailhead', count: 1 },
    ]);
    expect(result.facets.productType).toEqual([
      { value: 'Backpack', count: 1 },
      { value: 'Jacket', count: 1 },
      { value: 'Shoes', count: 1 },
    ]);
  });

  it("ignores a field's own filter in its facet and applies the others", () => {
    const result = outdoor.search({
      filters: { brand: ['Summit'], category: 'Footwear' },
      facets: ['brand', 'category'],
    });
    expect(result.total).toBe(1);
    expect(result.facets.brand).toEqual([
      { value: 'Ridge', count: 1 },
      { value: 'Summit', count: 1 },
    ]);
    expect(result.facets.category).toEqual([
      { value: 'Clothing', count: 1 },
      { value: 'Footwear', count: 1 },
      { value: 'Hiking shoes', count: 1 },
      { value: 'Jackets', count: 1 },
    ]);
  });

  it('counts option values per product over the variants that pass the other filters', () => {
    const result = outdoor.search({
      filters: { options: { color: ['Black'] }, priceMax: 560000 },
      facets: ['option:color'],
    });
    expect(result.facets['option:color']).toEqual([
      { value: 'Black', count: 1 },
      { value: 'Blue', count: 1 },
      { value: 'Green', count: 1 },
      { value: 'Red', count: 1 },
    ]);
    expect(result.hits.map((hit) => hit.productId)).toEqual(['softshell-coat']);
  });

  it('buckets prices by the cheapest matching variant and the buckets add up to the total', () => {
    const result = outdoor.search({ facets: ['price', 'attribute:material'] });
    const price = result.facets.price!;
    expect(price.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(result.total);
    for (const bucket of price) expect(bucket.value).toMatch(/^\d+-\d+$/);
    expect(result.facets['attribute:material']).toEqual([
      { value: 'Gore-Tex', count: 2 },
      { value: 'Leather', count: 1 },
      { value: 'Polyester', count: 1 },
    ]);
  });

  it('refuses an unknown facet', () => {
    expect(() => outdoor.search({ facets: ['colour'] })).toThrow(ValidationError);
  });
});

describe('sorting and pagination', () => {
  const outdoor = indexOf(outdoorShop());

  it('sorts by the cheapest matching variant', () => {
    expect(ids(outdoor, { sort: 'price_asc' })).toEqual([
      'daypack',
      'softshell-coat',
      'trail-shoe',
      'hiking-boot',
      'rain-jacket',
    ]);
    expect(ids(outdoor, { sort: 'price_desc', filters: { options: { color: ['black'] } } })).toEqual([
      'rain-jacket',
      'softshell-coat',
    ]);
  });

  it('sorts by newest', () => {
    expect(ids(outdoor, { sort: 'newest' })).toEqual([
      'daypack',
      'trail-shoe',
      'rain-jacket',
      'softshell-coat',
      'hiking-boot',
    ]);
  });

  it('visits every hit exactly once across pages, in the unpaged order', () => {
    const catalog = [...outdoorShop(), ...teaShop()];
    const index = indexOf(catalog);
    fc.assert(
      fc.property(
        fc.constantFrom('relevance' as const, 'price_asc' as const, 'price_desc' as const, 'newest' as const),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('', 'tea', 'waterproof', 'black'),
        (sort, limit, q) => {
          const whole = ids(index, { q, sort, limit: 100 });
          const visited: string[] = [];
          let cursor: string | null = null;
          do {
            const page = index.search({ q, sort, limit, cursor });
            expect(page.total).toBe(whole.length);
            visited.push(...page.hits.map((hit) => hit.productId));
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(visited).toEqual(whole);
        },
      ),
    );
  });

  it('continues after the last shown hit when products change between pages', () => {
    const index = indexOf(outdoorShop());
    const first = index.search({ sort: 'newest', limit: 2 });
    expect(first.hits.map((hit) => hit.productId)).toEqual(['daypack', 'trail-shoe']);
    index.remove('rain-jacket');
    const second = index.search({ sort: 'newest', limit: 2, cursor: first.nextCursor });
    expect(second.hits.map((hit) => hit.productId)).toEqual(['softshell-coat', 'hiking-boot']);
  });

  it('refuses a foreign cursor and a limit out of range', () => {
    const cursor = outdoor.search({ sort: 'newest', limit: 1 }).nextCursor;
    expect(() => outdoor.search({ sort: 'price_asc', cursor })).toThrow(ValidationError);
    expect(() => outdoor.search({ cursor: 'not-a-cursor' })).toThrow(ValidationError);
    expect(() => outdoor.search({ limit: 0 })).toThrow(ValidationError);
    expect(() => outdoor.search({ limit: 101 })).toThrow(ValidationError);
  });
});

describe('incremental updates', () => {
  it('replaces a product on upsert and forgets it on remove', () => {
    const index = indexOf(teaShop());
    const [oriental] = teaShop();
    index.upsert({ ...oriental!, title: { en: 'Honey Scented Oolong', 'zh-TW': '蜜香烏龍' } });
    expect(ids(index, { q: 'oriental ' })).toEqual([]);
    expect(ids(index, { q: '蜜香' })).toEqual(['oriental-beauty']);
    index.remove('oriental-beauty');
    expect(ids(index, { q: '蜜香' })).toEqual([]);
    expect(index.size()).toEqual({ products: 3, variants: 5 });
  });

  it('takes a product out when it stops being active', () => {
    const index = indexOf(teaShop());
    index.upsert({ ...teaShop()[3]!, status: 'archived' });
    expect(ids(index, { q: '紅茶' })).toEqual([]);
  });

  it('answers like a fresh index after many replacements', () => {
    const churned = indexOf([...outdoorShop(), ...teaShop()]);
    for (let round = 0; round < 30; round += 1) {
      for (const product of [...teaShop(), ...outdoorShop()]) churned.upsert(product);
      churned.remove('daypack');
    }
    const fresh = indexOf([...outdoorShop(), ...teaShop()].filter((product) => product.id !== 'daypack'));
    for (const q of ['tea', 'waterproof', '茶', 'black', '']) {
      expect(churned.search({ q, facets: ['brand'] })).toEqual(fresh.search({ q, facets: ['brand'] }));
    }
  });

  it('keeps prices, options and stock in place when removals close the gaps between variants', () => {
    const colors = ['Black', 'Red', 'Blue'];
    const products = Array.from({ length: 30 }, (_, number) =>
      sketchProduct({
        id: `p${number}`,
        title: { en: `Shell ${number}` },
        brand: number % 2 === 0 ? 'Summit' : 'Ridge',
        options: [{ name: 'Color', values: colors }],
        variants: colors.map((color, position) => ({
          id: `p${number}-${position}`,
          price: 1000 * ((number * 7 + position * 3) % 11) + 500,
          options: [color],
        })),
        createdAt: 1000 - number,
      }),
    );
    const stock = (index: SearchIndex, number: number) => {
      index.setAvailability(`p${number}-${number % 3}`, { taipei: 2 });
      index.setAvailability(`p${number}-${(number + 1) % 3}`, { kaohsiung: 1 });
    };
    const churned = createSearchIndex();
    products.forEach((product, number) => {
      churned.upsert(product);
      stock(churned, number);
    });
    const kept = products.filter((_, number) => number % 4 === 3);
    for (const product of products) if (!kept.includes(product)) churned.remove(product.id);
    const fresh = createSearchIndex();
    for (const product of kept) {
      fresh.upsert(product);
      stock(fresh, Number(product.id.slice(1)));
    }
    for (const index of [churned, fresh]) index.setAvailability('p7-0', { kaohsiung: 5 });
    const facets = ['brand', 'price', 'option:color'];
    const queries: SearchQuery[] = [
      { facets, sort: 'price_asc' },
      { filters: { locationId: 'taipei' }, facets, sort: 'newest' },
      { filters: { inStock: true, options: { color: ['Red'] } }, facets },
      { filters: { priceMin: 3000, priceMax: 8000 }, facets, sort: 'price_desc' },
      { q: 'shell', filters: { locationId: 'kaohsiung' }, facets },
    ];
    for (const query of queries) expect(churned.search(query)).toEqual(fresh.search(query));
    expect(churned.size()).toEqual({ products: kept.length, variants: kept.length * 3 });
  });
});
