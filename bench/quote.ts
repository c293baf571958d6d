/**
 * Quote benchmark: `priceCart` on a 20-line cart under 200 active promotions, against the same
 * cart with no promotion, and the condition evaluator we wrote against json-rules-engine on the
 * same 200 conditions. Usage: `npx tsx bench/quote.ts [iterations=2000]`. Prints a markdown table.
 */

import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { seededRandom } from '../src/core/index.js';
import { type Condition, type ContextFacts, compileCondition } from '../src/rules/conditions.js';
import {
  type CartLineFacts,
  loadRuleSet,
  type PricingContext,
  type PricingOptions,
  type PromotionDocument,
  priceCart,
  type RuleSet,
} from '../src/rules/index.js';

const iterations = Number(process.argv[2] ?? 2000);

const random = seededRandom('7').next;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const CATEGORIES = ['Socks', 'Shirts', 'Shoes', 'Tea', 'Kitchen', 'Outdoor', 'Clearance', 'Bags'];
const TAGS = ['new', 'sale', 'organic', 'gift', 'bestseller'];
const BRANDS = ['Jadepeak', 'Bluefield', 'Pinecraft', 'Ironwave'];

function randomCondition(): Condition {
  const leaves: (() => Condition)[] = [
    () => ({ field: 'customer.tier', op: 'in', value: [pick(['gold', 'silver', 'member']), 'vip'] }),
    () => ({ field: 'cart.subtotal', op: 'gte', value: between(10, 800) * 1000 }),
    () => ({ field: 'channel', op: 'eq', value: pick(['web', 'app']) }),
    () => ({ field: 'customer.tags', op: 'contains', value: pick(['newsletter', 'staff', 'student']) }),
    () => ({ field: 'experiment.checkout', op: 'eq', value: pick(['a', 'b']) }),
    () => ({ lines: { field: 'line.categoryPath', op: 'contains', value: pick(CATEGORIES) } }),
  ];
  const count = between(1, 3);
  const parts = Array.from({ length: count }, () => pick(leaves)());
  return count === 1 ? (parts[0] as Condition) : random() < 0.7 ? { all: parts } : { any: parts };
}

function randomAction(): PromotionDocument['actions'][number] {
  const items = { field: 'line.categoryPath', op: 'contains' as const, value: pick(CATEGORIES) };
  switch (between(0, 6)) {
    case 0:
      return { type: 'order_percent', percent: between(1, 20) };
    case 1:
      return { type: 'order_fixed', amount: between(1, 50) * 1000 };
    case 2:
      return { type: 'item_percent', percent: between(5, 40), items };
    case 3:
      return {
        type: 'item_fixed',
        amount: between(1, 20) * 1000,
        per: pick(['unit', 'spread'] as const),
        items,
      };
    case 4:
      return { type: 'buy_x_get_y', buy: between(1, 3), get: 1, items };
    case 5:
      return {
        type: 'tiered',
        tiers: [
          { minSubtotal: 300000, amount: 30000 },
          { minSubtotal: 500000, amount: 60000 },
        ],
      };
    default:
      return { type: 'shipping', percent: 100 };
  }
}

const promotions: PromotionDocument[] = Array.from({ length: 200 }, (_, i) => {
  const group = pick(['order', 'items', 'shipping', undefined, undefined]);
  return {
    id: `promo-${String(i).padStart(3, '0')}`,
    version: 1,
    name: `Promotion ${i}`,
    status: 'active',
    priority: between(1, 300),
    exclusive: random() < 0.05,
    ...(group === undefined ? {} : { stackGroup: group }),
    ...(random() < 0.25 ? { codes: [`CODE${i}`] } : {}),
    conditions: randomCondition(),
    actions: [randomAction()],
    limits: random() < 0.2 ? { budget: 10_000_000 } : {},
  };
});

const lines: CartLineFacts[] = Array.from({ length: 20 }, (_, i) => {
  const unitPrice = between(2, 300) * 1000;
  return {
    id: `line-${String(i).padStart(2, '0')}`,
    productId: `product-${i}`,
    variantId: `variant-${i}`,
    quantity: between(1, 4),
    unitPrice,
    categoryPath: ['Store', pick(CATEGORIES)],
    brand: pick(BRANDS),
    tags: [pick(TAGS)],
    optionValues: ['M', 'Black'],
    weightGrams: between(100, 1500),
    cost: Math.floor(unitPrice * 0.55),
  };
});

const policies = {
  shipping: {
    timeZone: 'Asia/Taipei',
    options: [
      {
        id: 'home',
        name: { en: 'Home', 'zh-TW': '宅配' },
        regions: [{ country: 'TW' }],
        fee: 10000,
        freeOver: 99000,
        businessDays: { min: 1, max: 2 },
      },
      {
        id: 'pickup',
        name: { en: 'Pickup', 'zh-TW': '超商' },
        regions: [{ country: 'TW' }],
        fee: 6000,
        maxWeightGrams: 5000,
        businessDays: { min: 2, max: 4 },
      },
    ],
  },
  tax: [{ id: 'tw', name: { en: 'VAT', 'zh-TW': '營業稅' }, country: 'TW', rate: 5, inclusive: true }],
};

const context: PricingContext = {
  currency: 'TWD',
  now: Date.UTC(2026, 2, 10, 4),
  customer: { id: 'c1', tier: 'gold', tags: ['newsletter'], firstOrder: false, country: 'TW' },
  lines,
  channel: 'web',
  coupons: ['CODE3', 'CODE10', 'CODE42', 'NOPE'],
  experiments: { checkout: 'b' },
  destination: { country: 'TW', postalCode: '106' },
};

const full = loadRuleSet({ currency: 'TWD', timeZone: 'Asia/Taipei', promotions, policies });
const empty = loadRuleSet({ currency: 'TWD', timeZone: 'Asia/Taipei', promotions: [], policies });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(run: () => unknown): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(300, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

function quote(rules: RuleSet, options: PricingOptions = {}) {
  return () => priceCart(context, rules, options);
}

// The condition-only comparison: the same 200 conditions, the same facts.
const facts: ContextFacts = {
  customer: context.customer,
  subtotal: lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
  itemCount: lines.reduce((s, l) => s + l.quantity, 0),
  currency: 'TWD',
  channel: 'web',
  coupons: ['CODE3', 'CODE10', 'CODE42', 'NOPE'],
  experiments: { checkout: 'b' },
  now: context.now,
  hour: 12,
  weekday: 2,
  lines,
};
const compiled = promotions.map((p) => {
  const result = compileCondition(p.conditions as Condition, 'context');
  if ('issues' in result) throw new Error(result.issues[0]?.message);
  return result.condition;
});

const operatorNames: Record<string, string> = {
  eq: 'equal',
  ne: 'notEqual',
  in: 'in',
  nin: 'notIn',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  contains: 'contains',
};

function toEngineCondition(condition: Condition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(toEngineCondition) };
  if ('any' in condition) return { any: condition.any.map(toEngineCondition) };
  if ('not' in condition) return { not: toEngineCondition(condition.not) };
  if ('lines' in condition) {
    const inner = condition.lines as { value: string };
    return { fact: 'categories', operator: 'contains', value: inner.value };
  }
  const [fact, ...path] = condition.field.split('.');
  return {
    fact: fact as string,
    ...(path.length > 0 ? { path: `$.${path.join('.')}` } : {}),
    operator: operatorNames[condition.op] as string,
    value: condition.value as never,
  };
}

const engine = new Engine(
  promotions.map(
    (p): RuleProperties => ({
      conditions: { all: [toEngineCondition(p.conditions as Condition)] } as TopLevelCondition,
      event: { type: p.id },
    }),
  ),
  { allowUndefinedFacts: true },
);
const engineFacts = {
  customer: context.customer,
  cart: { subtotal: facts.subtotal, itemCount: facts.itemCount },
  channel: 'web',
  experiment: { checkout: 'b' },
  categories: [...new Set(lines.flatMap((l) => l.categoryPath ?? []))],
};

const typedPassing = compiled.filter((c) => c.test(facts)).length;
const enginePassing = (await engine.run(engineFacts)).events.length;
if (typedPassing !== enginePassing)
  throw new Error(`evaluators disagree: ${typedPassing} vs ${enginePassing}`);

const sample = priceCart(context, full);
const baseline = await measure(quote(empty));
const stacked = await measure(quote(full));
const single = await measure(quote(full, { mode: 'best_single' }));
const typed = await measure(() => compiled.filter((c) => c.test(facts)).length);
const rulesEngine = await measure(() => engine.run(engineFacts));

const rows: [string, { p50: number; p99: number }, number][] = [
  ['quote, 20 lines, no promotions (baseline)', baseline, baseline.p50],
  ['quote, 20 lines, 200 promotions, stacking', stacked, baseline.p50],
  ['quote, 20 lines, 200 promotions, best single', single, baseline.p50],
  ['200 conditions, our typed evaluator', typed, typed.p50],
  ['200 conditions, json-rules-engine 7', rulesEngine, typed.p50],
];
console.log(`Node ${process.version}, ${iterations} iterations each after warm-up.`);
console.log(
  `The quote applied ${sample.applied.length} and rejected ${sample.rejected.length} promotions; ${typedPassing} of 200 conditions hold.\n`,
);
console.log('| case | p50 ms | p99 ms | p50 ratio |');
console.log('|---|---:|---:|---:|');
for (const [name, { p50, p99 }, reference] of rows) {
  console.log(`| ${name} | ${p50.toFixed(3)} | ${p99.toFixed(3)} | ${(p50 / reference).toFixed(1)}× |`);
}
console.log('\nRatios: quotes against the baseline quote; json-rules-engine against our evaluator.');
