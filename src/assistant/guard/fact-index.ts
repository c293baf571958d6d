/**
 * The facts rearranged for checking: every amount by value, every percentage that may be said,
 * codes, names of products and places. Built once per fact-set revision and reused by every
 * draft of the turn.
 */
import type { Money } from '../../core/index.js';
import type {
  Fact,
  FactSet,
  OrderFact,
  PolicyFact,
  ProductFact,
  PromotionFact,
  QuoteFact,
  ShippingOptionFact,
  StockFact,
} from '../facts/index.js';

/** What an amount is in the facts; a sentence's words pick the role a wrong amount should have had. */
export type AmountRole =
  | 'price'
  | 'compare-at'
  | 'saving'
  | 'total'
  | 'subtotal'
  | 'shipping'
  | 'discount'
  | 'tax'
  | 'threshold'
  | 'refund';

export interface AmountReference {
  readonly money: Money;
  readonly role: AmountRole;
  readonly productId: string | null;
  readonly fact: Fact;
}

export interface ProductEntry {
  readonly fact: ProductFact;
  /** Lower-cased titles in every locale, and titles without the brand in front. */
  readonly names: readonly string[];
  readonly variantIds: ReadonlySet<string>;
}

export interface LocationEntry {
  readonly locationId: string;
  readonly names: readonly string[];
}

export interface FactIndex {
  readonly amounts: ReadonlyMap<string, readonly AmountReference[]>;
  readonly allAmounts: readonly AmountReference[];
  readonly percents: readonly { readonly percent: number; readonly fact: Fact }[];
  readonly codes: ReadonlyMap<string, readonly PromotionFact[]>;
  readonly promotions: readonly PromotionFact[];
  readonly products: readonly ProductEntry[];
  readonly stock: readonly StockFact[];
  readonly locations: readonly LocationEntry[];
  readonly shipping: readonly ShippingOptionFact[];
  readonly policy: PolicyFact | null;
  readonly quote: QuoteFact | null;
  readonly orders: readonly OrderFact[];
  /** Lower-cased names of everything the facts call by name, for telling invented names apart. */
  readonly knownNames: readonly string[];
  /** Upper-cased identifiers that are not promotion codes: SKUs, order numbers, location codes. */
  readonly identifiers: ReadonlySet<string>;
}

export function amountKey(money: Money): string {
  return `${money.currency}|${Math.abs(money.amount)}`;
}

function percentOff(was: number, now: number): number | null {
  return was > 0 && now < was ? ((was - now) * 100) / was : null;
}

function build(facts: readonly Fact[]): FactIndex {
  const allAmounts: AmountReference[] = [];
  const percents: { percent: number; fact: Fact }[] = [];
  const codes = new Map<string, PromotionFact[]>();
  const promotions: PromotionFact[] = [];
  const products: ProductEntry[] = [];
  const stock: StockFact[] = [];
  const locations = new Map<string, LocationEntry>();
  const shipping: ShippingOptionFact[] = [];
  const orders: OrderFact[] = [];
  const knownNames = new Set<string>();
  const identifiers = new Set<string>();
  let policy: PolicyFact | null = null;
  let quote: QuoteFact | null = null;
  const amount = (money: Money, role: AmountRole, fact: Fact, productId: string | null = null) => {
    if (money.amount !== 0) allAmounts.push({ money, role, productId, fact });
  };
  const prices = (fact: Fact, productId: string | null, price: Money, compareAt: Money | null) => {
    amount(price, 'price', fact, productId);
    if (compareAt === null) return;
    amount(compareAt, 'compare-at', fact, productId);
    amount({ amount: compareAt.amount - price.amount, currency: price.currency }, 'saving', fact, productId);
    const off = percentOff(compareAt.amount, price.amount);
    if (off !== null) percents.push({ percent: off, fact });
  };

  for (const fact of facts) {
    switch (fact.kind) {
      case 'product': {
        const names = new Set<string>();
        for (const title of Object.values(fact.title)) {
          const lower = title.toLowerCase();
          names.add(lower);
          const brand = fact.brand?.toLowerCase();
          if (brand && lower.startsWith(`${brand} `)) names.add(lower.slice(brand.length + 1));
        }
        for (const name of names) knownNames.add(name);
        if (fact.brand) knownNames.add(fact.brand.toLowerCase());
        for (const variant of fact.variants) {
          prices(fact, fact.productId, variant.price, variant.compareAtPrice);
          if (variant.sku) identifiers.add(variant.sku.toUpperCase());
        }
        products.push({
          fact,
          names: [...names],
          variantIds: new Set(fact.variants.map((v) => v.variantId)),
        });
        break;
      }
      case 'price':
        prices(fact, fact.productId, fact.price, fact.compareAtPrice);
        break;
      case 'stock':
        stock.push(fact);
        for (const location of fact.locations) {
          identifiers.add(location.code.toUpperCase());
          const names = Object.values(location.name).map((n) => n.toLowerCase());
          for (const name of names) knownNames.add(name);
          locations.set(location.locationId, { locationId: location.locationId, names });
        }
        break;
      case 'promotion':
        promotions.push(fact);
        knownNames.add(fact.name.toLowerCase());
        for (const code of fact.codes) codes.set(code, [...(codes.get(code) ?? []), fact]);
        for (const percent of fact.percents) percents.push({ percent, fact });
        for (const money of fact.amounts) amount(money, 'threshold', fact);
        if (fact.granted) amount(fact.granted, 'discount', fact);
        break;
      case 'quote': {
        quote = fact;
        for (const line of fact.lines) {
          amount(line.unitPrice, 'price', fact, line.productId);
          amount(line.subtotal, 'subtotal', fact, line.productId);
          amount(line.discount, 'discount', fact, line.productId);
          amount(line.total, 'total', fact, line.productId);
          for (const title of Object.values(line.title ?? {})) knownNames.add(title.toLowerCase());
        }
        amount(fact.subtotal, 'subtotal', fact);
        amount(fact.discount, 'discount', fact);
        amount(fact.shippingFee, 'shipping', fact);
        amount(fact.shippingDiscount, 'discount', fact);
        amount(fact.shipping, 'shipping', fact);
        amount(fact.tax, 'tax', fact);
        amount(fact.total, 'total', fact);
        amount(
          { amount: fact.subtotal.amount - fact.discount.amount, currency: fact.total.currency },
          'subtotal',
          fact,
        );
        if (fact.taxRatePercent > 0) percents.push({ percent: fact.taxRatePercent, fact });
        const off = percentOff(fact.subtotal.amount, fact.subtotal.amount - fact.discount.amount);
        if (off !== null) percents.push({ percent: off, fact });
        break;
      }
      case 'shipping-option':
        shipping.push(fact);
        for (const label of Object.values(fact.label)) knownNames.add(label.toLowerCase());
        amount(fact.fee, 'shipping', fact);
        amount(fact.standardFee, 'shipping', fact);
        if (fact.freeOver) amount(fact.freeOver, 'threshold', fact);
        break;
      case 'policy':
        policy = fact;
        break;
      case 'order':
        orders.push(fact);
        identifiers.add(fact.number.toUpperCase());
        amount(fact.subtotal, 'subtotal', fact);
        amount(fact.discount, 'discount', fact);
        amount(fact.shipping, 'shipping', fact);
        amount(fact.tax, 'tax', fact);
        amount(fact.total, 'total', fact);
        for (const refund of fact.refunds) amount(refund, 'refund', fact);
        for (const title of fact.items) knownNames.add(title.toLowerCase());
        break;
    }
  }
  // Free-over thresholds: "spend NT$220 more for free shipping" is the gap from the subtotal.
  const merchandise =
    quote === null ? null : (quote as QuoteFact).subtotal.amount - (quote as QuoteFact).discount.amount;
  for (const option of shipping) {
    if (option.freeOver && merchandise !== null && option.freeOver.amount > merchandise) {
      amount(
        { amount: option.freeOver.amount - merchandise, currency: option.freeOver.currency },
        'threshold',
        option,
      );
    }
  }
  const amounts = new Map<string, AmountReference[]>();
  for (const reference of allAmounts) {
    const key = amountKey(reference.money);
    amounts.set(key, [...(amounts.get(key) ?? []), reference]);
  }
  return {
    amounts,
    allAmounts,
    percents,
    codes,
    promotions,
    products,
    stock,
    locations: [...locations.values()],
    shipping,
    policy,
    quote,
    orders,
    knownNames: [...knownNames].filter((n) => n.length > 0),
    identifiers,
  };
}

const cache = new WeakMap<FactSet, { version: number; index: FactIndex }>();

/** The index of a fact set, rebuilt only when facts were added since the last call. */
export function indexFacts(facts: FactSet): FactIndex {
  const cached = cache.get(facts);
  if (cached && cached.version === facts.version) return cached.index;
  const index = build(facts.all());
  cache.set(facts, { version: facts.version, index });
  return index;
}
