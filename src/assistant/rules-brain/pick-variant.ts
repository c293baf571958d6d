/**
 * Which variant of a product the shopper means: the option values the message names (catalog
 * words, sizes, or a value typed as it is), read against the product's own options from
 * product_details. When an option is still open it says which, with the values left, so the
 * brain can ask "Which size? 40, 41 or 42".
 */
import { type Entity, parseChineseNumeral } from '../nlu/index.js';
import { type ProductDetails, productDetails } from './tool-outputs.js';
import type { RulesTurn, RunTool } from './types.js';

export type VariantChoice =
  | {
      readonly kind: 'chosen';
      readonly details: ProductDetails;
      readonly variantId: string;
      /** The variant's option values, in the product's option order. */
      readonly values: readonly string[];
      /** Units available to sell, when the product card carried stock. */
      readonly available: number | null;
    }
  | {
      readonly kind: 'missing';
      readonly details: ProductDetails;
      /** The first option the message leaves open, and the values the remaining variants offer in stock (all of them when none is). */
      readonly option: string;
      readonly values: readonly string[];
    }
  | {
      /** The values asked for exist, but no variant combines them. */
      readonly kind: 'no_match';
      readonly details: ProductDetails;
      readonly wanted: Readonly<Record<string, string>>;
    };

function normalized(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** "27" means "27", "27 cm" or "EU 27"; "m" means "M". */
export function sizeMatches(size: string, value: string): boolean {
  const wanted = normalized(size);
  const candidate = normalized(value);
  if (candidate === wanted) return true;
  const number = /\d+(?:\.\d+)?/.exec(candidate)?.[0];
  return number !== undefined && number === wanted && /^\d/.test(wanted);
}

const SHORT_VALUE = 2;

/**
 * Whether the text names the value as a word. Values of one or two letters ("M", "XL") count only
 * when they are the whole message, since they hide inside everyday words otherwise.
 */
function textNames(text: string, value: string): boolean {
  const message = normalized(text);
  const wanted = normalized(value);
  if (wanted === '') return false;
  if (wanted.length <= SHORT_VALUE && /^[a-z]+$/.test(wanted)) return message === wanted;
  if (/\p{Script=Han}/u.test(value)) return message.includes(wanted);
  const escaped = value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}'’])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * Pack sizes said as a pack: "單雙裝", "三雙裝", "a single pair", "3-pack", "pack of 3". A bare count
 * ("兩雙", "three pairs") is how many the shopper wants, not which pack.
 */
const PACK_SAID = [
  /([單单一二兩两三四五六七八九十\d]+)\s*[雙双件個个入支包]裝/gu,
  /\b(single)\s+pairs?\b|\b(\d+)[\s-]*pack\b|\bpack of (\d+)\b/giu,
];

function packCounts(text: string): Set<number> {
  const counts = new Set<number>();
  for (const pattern of PACK_SAID) {
    for (const match of text.matchAll(pattern)) {
      const said = (match[1] ?? match[2] ?? match[3] ?? '').toLowerCase();
      const count = /^(?:single|單|单)$/u.test(said)
        ? 1
        : (parseChineseNumeral(said) ?? Number.parseInt(said, 10));
      if (Number.isInteger(count)) counts.add(count);
    }
  }
  return counts;
}

/** Whether the text names a pack-size value ("1 pair", "3 pairs") as a pack of that many. */
function packNamed(text: string, value: string): boolean {
  const count = /^(\d+)\s*\p{L}/u.exec(value.trim())?.[1];
  return count !== undefined && packCounts(text).has(Number.parseInt(count, 10));
}

/** Option name → the value the message picks for it, when it picks exactly one. */
export function wantedValues(
  text: string,
  entities: readonly Entity[],
  options: readonly { readonly name: string; readonly values: readonly string[] }[],
): Record<string, string> {
  const wanted: Record<string, string> = {};
  for (const option of options) {
    const picked = new Set<string>();
    for (const value of option.values) {
      const named = entities.some(
        (e) =>
          (e.type === 'catalog' &&
            normalized(e.value) === normalized(value) &&
            (e.name === undefined || normalized(e.name) === normalized(option.name))) ||
          (e.type === 'size' && sizeMatches(e.value, value)),
      );
      if (named || textNames(text, value) || packNamed(text, value)) picked.add(value);
    }
    const [only] = picked;
    if (picked.size === 1 && only !== undefined) wanted[option.name] = only;
  }
  return wanted;
}

/** Chooses the variant the message (or an earlier pick) names, or says which option is still open. */
export async function pickVariant(
  runTool: RunTool,
  productId: string,
  turn: RulesTurn,
): Promise<VariantChoice> {
  const { details, item } = await productDetails(runTool, productId);
  const stock = new Map(item?.variants.map((v) => [v.variantId, v.available]) ?? []);
  const wanted = wantedValues(turn.text, turn.understanding.entities, details.options);
  const earlier = turn.dialogue.shown.find((p) => p.productId === productId)?.variantId ?? null;
  const remembered = details.variants.find((v) => v.variantId === earlier);
  const fits = (values: readonly string[]) =>
    details.options.every((option, index) => {
      const value = wanted[option.name];
      return value === undefined || values[index] === value;
    });
  let candidates = details.variants.filter((v) => fits(v.options));
  if (candidates.length === 0) return { kind: 'no_match', details, wanted };
  if (remembered !== undefined && candidates.includes(remembered) && candidates.length > 1) {
    candidates = [remembered];
  }
  for (const [index, option] of details.options.entries()) {
    const values = new Set(candidates.map((v) => v.options[index] ?? ''));
    values.delete('');
    if (values.size > 1) {
      const inStock = new Set(
        candidates.filter((v) => (stock.get(v.variantId) ?? 0) > 0).map((v) => v.options[index] ?? ''),
      );
      const offered = option.values.filter((v) => values.has(v));
      const available = offered.filter((v) => inStock.has(v));
      return {
        kind: 'missing',
        details,
        option: option.name,
        values: available.length > 0 ? available : offered,
      };
    }
  }
  const [variant] = candidates;
  if (variant === undefined) return { kind: 'no_match', details, wanted };
  return {
    kind: 'chosen',
    details,
    variantId: variant.variantId,
    values: variant.options,
    available: stock.get(variant.variantId) ?? null,
  };
}
