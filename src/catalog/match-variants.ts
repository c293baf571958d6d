/**
 * Pairs incoming variants with stored ones so a variant keeps its id (and with it carts, stock
 * and order history) across imports: first by SKU, then, among those still unpaired, by option
 * values. A stored variant is paired at most once.
 */
import type { VariantContent } from './product-content.js';
import type { Variant } from './types.js';

function optionKey(values: readonly string[]): string {
  return JSON.stringify(values.map((value) => value.toLowerCase()));
}

/** For each incoming variant, the stored variant it continues, or undefined for a new one. */
export function matchVariants(
  stored: readonly Variant[],
  incoming: readonly VariantContent[],
): (Variant | undefined)[] {
  const bySku = new Map<string, Variant>();
  for (const variant of stored) if (variant.sku !== null) bySku.set(variant.sku, variant);
  const paired = new Set<string>();
  const matches = incoming.map((variant) => {
    const match = variant.sku === null ? undefined : bySku.get(variant.sku);
    if (match !== undefined) paired.add(match.id);
    return match;
  });
  const byOptions = new Map<string, Variant>();
  for (const variant of stored) {
    const key = optionKey(variant.optionValues);
    if (!paired.has(variant.id) && !byOptions.has(key)) byOptions.set(key, variant);
  }
  return matches.map((match, index) => {
    if (match !== undefined) return match;
    const key = optionKey(incoming[index]?.optionValues ?? []);
    const candidate = byOptions.get(key);
    if (candidate === undefined) return undefined;
    byOptions.delete(key);
    return candidate;
  });
}
