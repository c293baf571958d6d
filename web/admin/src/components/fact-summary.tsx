/**
 * One line per fact a tool returned, in words staff can check at a glance; the raw fact stays
 * one click away. Unknown kinds show their kind and the raw data.
 */
import type { Fact, LocalizedText, Money } from '../api/types.js';
import { formatMoney, localized } from '../format.js';
import { useLanguage } from '../i18n/index.js';

/** How to name a variant: its options and SKU when a product fact of the same reply told them. */
export type VariantNames = ReadonlyMap<string, string>;

type Read = (fact: Fact, language: string, variants: VariantNames) => string;

/** Names for the variants the reply's product facts describe ("Black / M · JK-BLK-M"). */
export function variantNamesOf(facts: readonly Fact[]): VariantNames {
  const names = new Map<string, string>();
  for (const fact of facts) {
    if (fact.kind !== 'product') continue;
    for (const variant of (fact.variants ?? []) as readonly {
      variantId: string;
      sku: string | null;
      optionValues: readonly string[];
    }[]) {
      const name = [variant.optionValues.join(' / '), variant.sku].filter(Boolean).join(' · ');
      if (name) names.set(variant.variantId, name);
    }
  }
  return names;
}

const variantName = (id: unknown, variants: VariantNames) => variants.get(String(id)) ?? String(id);

const money = (value: unknown, language: string) => formatMoney(value as Money, language);
const text = (value: unknown, language: string) => localized((value ?? {}) as LocalizedText, language);
const list = (value: unknown) => ((value ?? []) as readonly unknown[]).map(String);

const READERS: Record<string, Read> = {
  product: (fact, language) => {
    const variants = (fact.variants ?? []) as readonly { price: Money }[];
    const prices = variants.map((v) => v.price.amount);
    const from = variants.find((v) => v.price.amount === Math.min(...prices));
    return [text(fact.title, language), fact.brand, from && money(from.price, language)]
      .filter(Boolean)
      .join(' · ');
  },
  price: (fact, language, variants) =>
    [
      `${variantName(fact.variantId, variants)}: ${money(fact.price, language)}`,
      fact.compareAtPrice ? `(${money(fact.compareAtPrice, language)})` : '',
    ].join(' '),
  stock: (fact, _language, variants) => {
    const locations = (fact.locations ?? []) as readonly { code: string; available: number }[];
    const where = locations.map((l) => `${l.code} ${l.available}`).join(', ');
    return `${variantName(fact.variantId, variants)}: ${fact.available}${fact.lowStock ? ' (low)' : ''}${where ? ` — ${where}` : ''}`;
  },
  promotion: (fact) => {
    const codes = list(fact.codes);
    return [fact.name, codes.length ? codes.join(', ') : null, fact.status, fact.reasonCode]
      .filter(Boolean)
      .join(' · ');
  },
  quote: (fact, language) =>
    `${list(fact.lines).length} lines · ${money(fact.subtotal, language)} − ${money(fact.discount, language)} + ${money(
      fact.shipping,
      language,
    )} = ${money(fact.total, language)}`,
  'shipping-option': (fact, language) =>
    `${text(fact.label, language)} · ${money(fact.fee, language)} · ${fact.earliest} – ${fact.latest}`,
  policy: (fact) => `returns ${fact.defaultDays} days · ${list(fact.allowedActions).join(', ')}`,
  order: (fact, language) => `${fact.number} · ${fact.status} · ${money(fact.total, language)}`,
};

export function FactSummary({ fact, variants }: { fact: Fact; variants: VariantNames }) {
  const { language } = useLanguage();
  const read = READERS[fact.kind];
  let summary: string;
  try {
    summary = read ? read(fact, language, variants) : '';
  } catch {
    // A fact of a newer shape than this console knows: the raw data below still shows it.
    summary = '';
  }
  return (
    <li className="fact">
      <span className={`fact-kind fact-${fact.kind}`}>{fact.kind}</span>
      <span className="fact-text">{summary}</span>
    </li>
  );
}
