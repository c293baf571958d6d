/**
 * Search benchmark: our index against MiniSearch over the same generated catalog and the same
 * query mix. Usage: `npx tsx bench/search.ts [variants=100000]`. Prints markdown tables: build
 * time (wall and CPU), then p50/p99 per kind of query with the ratio to MiniSearch. The machine
 * may be shared, so CPU time and the ratios say more than wall time alone.
 */

import { cpus, loadavg } from 'node:os';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { createSearchIndex, type SearchFilters, type SearchQuery } from '../src/catalog/search/index.js';
import type { Product, Variant } from '../src/catalog/types.js';
import { seededRandom } from '../src/core/index.js';

const targetVariants = Number(process.argv[2] ?? 100_000);

const random = seededRandom('20240601').next;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** [English, Traditional Chinese] nouns by department, so the catalog mixes kinds of shop. */
const DEPARTMENTS: Record<string, [string, string][]> = {
  Clothing: [
    ['jacket', '外套'],
    ['shirt', '襯衫'],
    ['hoodie', '連帽衫'],
    ['pants', '長褲'],
    ['vest', '背心'],
    ['coat', '大衣'],
    ['skirt', '裙子'],
    ['sweater', '毛衣'],
  ],
  Footwear: [
    ['running shoes', '跑鞋'],
    ['hiking boots', '登山鞋'],
    ['sandals', '涼鞋'],
    ['sneakers', '球鞋'],
    ['slippers', '拖鞋'],
  ],
  Tea: [
    ['oolong tea', '烏龍茶'],
    ['black tea', '紅茶'],
    ['green tea', '綠茶'],
    ['jasmine tea', '茉莉花茶'],
    ['tea bags', '茶包'],
  ],
  Kitchen: [
    ['kettle', '熱水壺'],
    ['teapot', '茶壺'],
    ['mug', '馬克杯'],
    ['frying pan', '平底鍋'],
    ['knife', '菜刀'],
    ['bottle', '水瓶'],
  ],
  Electronics: [
    ['headphones', '耳機'],
    ['charger', '充電器'],
    ['power bank', '行動電源'],
    ['speaker', '喇叭'],
    ['keyboard', '鍵盤'],
  ],
  Outdoor: [
    ['tent', '帳篷'],
    ['backpack', '背包'],
    ['sleeping bag', '睡袋'],
    ['headlamp', '頭燈'],
    ['trekking poles', '登山杖'],
  ],
};
const ADJECTIVES: [string, string][] = [
  ['waterproof', '防水'],
  ['lightweight', '輕量'],
  ['organic', '有機'],
  ['wireless', '無線'],
  ['classic', '經典'],
  ['premium', '頂級'],
  ['compact', '輕巧'],
  ['insulated', '保溫'],
  ['breathable', '透氣'],
  ['stainless', '不鏽鋼'],
  ['foldable', '摺疊'],
  ['vintage', '復古'],
  ['handmade', '手工'],
  ['ultralight', '超輕'],
  ['thermal', '保暖'],
];
const BRANDS = Array.from(
  { length: 60 },
  (_, index) =>
    `${pick(['North', 'Blue', 'Red', 'Iron', 'Cloud', 'Jade', 'Pine', 'River'])}${pick(['peak', 'leaf', 'stone', 'wave', 'field', 'craft'])} ${index}`,
);
const COLORS = ['Black', 'White', 'Red', 'Blue', 'Green', 'Grey', 'Navy', 'Beige'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', '24', '25', '26', '27', '28'];
const FILLER =
  'comfortable durable everyday travel gift fresh smooth strong quiet warm bright soft sturdy daily outdoor city mountain home office family'.split(
    ' ',
  );
const LOCATIONS = ['taipei', 'taichung', 'kaohsiung'];

interface Generated {
  readonly products: Product[];
  readonly availability: Map<string, Record<string, number>>;
}

function generate(variantTarget: number): Generated {
  const products: Product[] = [];
  const availability = new Map<string, Record<string, number>>();
  let variantTotal = 0;
  const departments = Object.keys(DEPARTMENTS);
  for (let index = 0; variantTotal < variantTarget; index += 1) {
    const department = pick(departments);
    const [nounEn, nounZh] = pick(DEPARTMENTS[department]!);
    const [adjectiveEn, adjectiveZh] = pick(ADJECTIVES);
    const brand = pick(BRANDS);
    const model = `${String.fromCharCode(65 + between(0, 25))}${between(100, 999)}`;
    const id = `p${index}`;
    const colors = COLORS.slice(between(0, 5)).slice(0, between(1, 3));
    const sizeStart = between(0, 6);
    const sizes = SIZES.slice(sizeStart, sizeStart + between(2, 4));
    const basePrice = between(20, 800) * 1000;
    const variants: Variant[] = [];
    for (const color of colors) {
      for (const size of sizes) {
        const variantId = `${id}-${variants.length}`;
        variants.push({
          id: variantId,
          productId: id,
          sku: `${model}-${color.slice(0, 2)}-${size}`.toUpperCase(),
          barcode: null,
          optionValues: [color, size],
          price: { amount: basePrice + between(0, 5) * 500, currency: 'TWD' },
          compareAtPrice: null,
          cost: null,
          weightGrams: null,
          imageUrl: null,
          position: variants.length,
        });
        availability.set(
          variantId,
          Object.fromEntries(LOCATIONS.map((location) => [location, random() < 0.6 ? between(1, 9) : 0])),
        );
      }
    }
    variantTotal += variants.length;
    const words = Array.from({ length: 12 }, () => pick(FILLER)).join(' ');
    products.push({
      id,
      handle: id,
      status: 'active',
      title: {
        en: `${brand} ${adjectiveEn} ${nounEn} ${model}`,
        'zh-TW': `${brand} ${adjectiveZh}${nounZh} ${model}`,
      },
      description: {
        en: `A ${words} ${nounEn}.`,
        'zh-TW': `${adjectiveZh}${nounZh}，${pick(ADJECTIVES)[1]}設計。`,
      },
      brand,
      categoryPath: [department, nounEn],
      productType: nounEn,
      tags: [adjectiveEn, pick(FILLER)],
      attributes: { material: pick(['cotton', 'nylon', 'steel', 'ceramic', 'leaf', 'plastic']) },
      options: [
        { name: 'Color', values: colors },
        { name: 'Size', values: sizes },
      ],
      images: [],
      variants,
      createdAt: 1_700_000_000_000 + index * 1000,
      updatedAt: 1_700_000_000_000 + index * 1000,
    });
  }
  return { products, availability };
}

function typo(word: string): string {
  const at = between(1, word.length - 2);
  return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
}

function queryMix(): SearchQuery[] {
  const nouns = Object.values(DEPARTMENTS).flat();
  const queries: SearchQuery[] = [];
  const filterChoices: (SearchFilters | undefined)[] = [
    undefined,
    { brand: [pick(BRANDS), pick(BRANDS)] },
    { priceMin: 100_000, priceMax: 400_000 },
    { options: { color: ['Black', 'Navy'] } },
    { inStock: true, locationId: 'taipei' },
  ];
  for (let index = 0; index < 400; index += 1) {
    const [nounEn, nounZh] = pick(nouns);
    const [adjectiveEn, adjectiveZh] = pick(ADJECTIVES);
    const firstWord = nounEn.split(' ')[0]!;
    const text = pick([
      firstWord,
      `${adjectiveEn} ${nounEn}`,
      typo(firstWord.length >= 5 ? firstWord : adjectiveEn),
      nounZh,
      `${adjectiveZh}${nounZh}`,
      `${nounZh} 26號`,
      `${pick(BRANDS).split(' ')[0]} ${nounZh}`,
      firstWord.slice(0, 4),
      '',
    ]);
    const filters = pick(filterChoices);
    const facets = random() < 0.5 ? ['brand', 'category', 'price', 'option:color'] : undefined;
    queries.push({ q: text, ...(filters ? { filters } : {}), ...(facets ? { facets } : {}), limit: 20 });
  }
  // Browsing a shop without typing: a department or brand page, an in-stock listing by price.
  const departments = Object.keys(DEPARTMENTS);
  const browseFilters: (() => SearchFilters)[] = [
    () => ({ category: pick(departments) }),
    () => ({ category: pick(nouns)[0] }),
    () => ({ brand: [pick(BRANDS)] }),
    () => ({ inStock: true }),
    () => ({ category: pick(departments), options: { color: [pick(COLORS)] } }),
  ];
  for (let index = 0; index < 150; index += 1) {
    const facets = random() < 0.5 ? ['brand', 'category', 'price', 'option:color'] : undefined;
    queries.push({
      filters: pick(browseFilters)(),
      sort: pick(['relevance', 'price_asc', 'newest'] as const),
      ...(facets ? { facets } : {}),
      limit: 20,
    });
  }
  return queries;
}

interface Timing {
  readonly wall: number[];
  readonly cpu: number[];
}

interface Measured {
  readonly buildMs: number;
  readonly buildCpuMs: number;
  readonly all: Timing;
  readonly byKind: Map<string, Timing>;
  readonly meanHits: number;
}

const KINDS = ['text', 'Chinese text', 'text + facets', 'browse, filters only', 'browse + facets'] as const;

function kindOf(query: SearchQuery): (typeof KINDS)[number] {
  if (!query.q) return query.facets ? 'browse + facets' : 'browse, filters only';
  if (query.facets) return 'text + facets';
  return /\p{Script=Han}/u.test(query.q) ? 'Chinese text' : 'text';
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function measure(build: () => (query: SearchQuery) => number, queries: readonly SearchQuery[]): Measured {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const run = build();
  const buildCpuMs = cpuMs(cpuStarted);
  const buildMs = performance.now() - started;
  for (const query of queries.slice(0, 50)) run(query);
  const all: Timing = { wall: [], cpu: [] };
  const byKind = new Map<string, Timing>(KINDS.map((kind) => [kind, { wall: [], cpu: [] }]));
  let hits = 0;
  for (const query of queries) {
    const begin = performance.now();
    const cpuBegin = process.cpuUsage();
    hits += run(query);
    const cpu = cpuMs(cpuBegin);
    const elapsed = performance.now() - begin;
    for (const timing of [all, byKind.get(kindOf(query))!]) {
      timing.wall.push(elapsed);
      timing.cpu.push(cpu);
    }
  }
  return { buildMs, buildCpuMs, all, byKind, meanHits: hits / queries.length };
}
const segmenter = new Intl.Segmenter('zh-TW', { granularity: 'word' });
/** MiniSearch gets CJK segmentation plus bigrams too, or it could not answer Chinese at all. */
function miniSearchTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!isWordLike) continue;
    tokens.push(segment);
    const characters = [...segment];
    if (/\p{Script=Han}/u.test(segment))
      for (let i = 0; i + 1 < characters.length; i += 1) tokens.push(characters[i]! + characters[i + 1]!);
  }
  return tokens;
}

function buildMiniSearch(generated: Generated): (query: SearchQuery) => number {
  const byId = new Map(generated.products.map((product) => [product.id, product]));
  const mini = new MiniSearch<{ id: string }>({
    fields: ['title', 'brand', 'category', 'tags', 'options', 'description'],
    tokenize: miniSearchTokenize,
    searchOptions: { boost: { title: 10, brand: 6, category: 6, tags: 4, options: 3 }, combineWith: 'AND' },
  });
  mini.addAll(
    generated.products.map((product) => ({
      id: product.id,
      title: Object.values(product.title).join(' '),
      brand: product.brand ?? '',
      category: product.categoryPath.join(' '),
      tags: product.tags.join(' '),
      options: product.options.flatMap((option) => option.values).join(' '),
      description: Object.values(product.description).join(' '),
    })),
  );
  const variantPasses = (variant: Variant, filters: SearchFilters | undefined) => {
    if (filters === undefined) return true;
    if (filters.priceMin !== undefined && variant.price.amount < filters.priceMin) return false;
    if (filters.priceMax !== undefined && variant.price.amount > filters.priceMax) return false;
    if (filters.options?.color && !filters.options.color.includes(variant.optionValues[0] ?? ''))
      return false;
    const stock = generated.availability.get(variant.id) ?? {};
    if (filters.locationId !== undefined && !((stock[filters.locationId] ?? 0) > 0)) return false;
    if (filters.inStock && !Object.values(stock).some((units) => units > 0)) return false;
    return true;
  };
  return (query) => {
    const options: SearchOptions = {
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
      prefix: (_term, index, terms) => index === terms.length - 1,
      filter: (result) => {
        const product = byId.get(result.id)!;
        const filters = query.filters;
        if (filters?.brand && !filters.brand.includes(product.brand ?? '')) return false;
        if (filters?.category !== undefined && !product.categoryPath.includes(filters.category)) return false;
        return product.variants.some((variant) => variantPasses(variant, filters));
      },
    };
    const results = query.q ? mini.search(query.q, options) : mini.search(MiniSearch.wildcard, options);
    if (query.facets) {
      const counts = new Map<string, number>();
      for (const result of results) {
        const product = byId.get(result.id)!;
        counts.set(`brand:${product.brand}`, (counts.get(`brand:${product.brand}`) ?? 0) + 1);
        for (const category of product.categoryPath)
          counts.set(`category:${category}`, (counts.get(`category:${category}`) ?? 0) + 1);
        for (const color of product.options[0]?.values ?? [])
          counts.set(`color:${color}`, (counts.get(`color:${color}`) ?? 0) + 1);
      }
    }
    return results.length;
  };
}

function buildOurs(generated: Generated): (query: SearchQuery) => number {
  const index = createSearchIndex();
  for (const product of generated.products) index.upsert(product);
  for (const [variantId, byLocation] of generated.availability) index.setAvailability(variantId, byLocation);
  return (query) => index.search(query).total;
}

function buildSmall(): { wallMs: number; cpuMs: number } {
  const small = generate(1_000);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  buildOurs(small);
  return { wallMs: performance.now() - started, cpuMs: cpuMs(cpuStarted) };
}

// The 1,000-variant build runs first, in a cold process, as a server's first start would.
const small = buildSmall();
const generated = generate(targetVariants);
const queries = queryMix();
const variantCount = generated.products.reduce((sum, product) => sum + product.variants.length, 0);
const ours = measure(() => buildOurs(generated), queries);
const mini = measure(() => buildMiniSearch(generated), queries);
const figure = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
console.log(
  `\n${generated.products.length} products, ${variantCount} variants, ${queries.length} queries (Node ${process.version})\n`,
);
console.log('| build | wall ms | CPU ms |');
console.log('|---|---:|---:|');
console.log(`| Aisle, 1,000 variants, cold | ${figure(small.wallMs)} | ${figure(small.cpuMs)} |`);
console.log(`| Aisle, ${variantCount} variants | ${figure(ours.buildMs)} | ${figure(ours.buildCpuMs)} |`);
console.log(
  `| MiniSearch 7, ${variantCount} variants | ${figure(mini.buildMs)} | ${figure(mini.buildCpuMs)} |`,
);
console.log(
  '\n| query kind | queries | Aisle p50 ms | Aisle p99 ms | Aisle CPU p50 ms | MiniSearch p50 ms | MiniSearch CPU p50 ms | p50 ours/Mini | CPU p50 ours/Mini |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [kind, timing] of [...ours.byKind, ['all', ours.all] as const]) {
  const theirs = kind === 'all' ? mini.all : mini.byKind.get(kind)!;
  if (timing.wall.length === 0) continue;
  const ourWall = percentile(timing.wall, 0.5);
  const ourCpu = percentile(timing.cpu, 0.5);
  const theirWall = percentile(theirs.wall, 0.5);
  const theirCpu = percentile(theirs.cpu, 0.5);
  console.log(
    `| ${kind} | ${timing.wall.length} | ${figure(ourWall)} | ${figure(percentile(timing.wall, 0.99))} | ${figure(ourCpu)} | ${figure(theirWall)} | ${figure(theirCpu)} | ${ratio(ourWall, theirWall)} | ${ratio(ourCpu, theirCpu)} |`,
  );
}
console.log(`\nmean total hits: Aisle ${figure(ours.meanHits)}, MiniSearch ${figure(mini.meanHits)}`);
console.log(
  `load average while running: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} on ${cpus().length} cores; CPU time is per process and counts less of other load`,
);
