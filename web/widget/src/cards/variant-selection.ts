/** Choosing a variant by its options, as the size and colour pickers do. */
import type { ProductCardItem } from '../api/types.js';

export type Variant = ProductCardItem['variants'][number];
export type Selection = Readonly<Record<string, string>>;

/** Options that offer a real choice; a single value is preselected and needs no picker. */
export function choosableOptions(item: ProductCardItem): ProductCardItem['options'] {
  return item.options.filter((option) => option.values.length > 1);
}

export function initialSelection(item: ProductCardItem): Selection {
  const selection: Record<string, string> = {};
  for (const option of item.options) {
    const only = option.values.length === 1 ? option.values[0] : undefined;
    if (only !== undefined) selection[option.name] = only;
  }
  return selection;
}

/** The variant the selection names once every option is chosen; null while any is missing. */
export function selectedVariant(item: ProductCardItem, selection: Selection): Variant | null {
  if (item.options.length === 0) return item.variants[0] ?? null;
  if (item.options.some((option) => selection[option.name] === undefined)) return null;
  return (
    item.variants.find((variant) =>
      item.options.every((option) => variant.options[option.name] === selection[option.name]),
    ) ?? null
  );
}

/** Whether picking `value` for `name`, keeping the other choices, leads to a variant in stock. */
export function valueAvailable(
  item: ProductCardItem,
  selection: Selection,
  name: string,
  value: string,
): boolean {
  return item.variants.some(
    (variant) =>
      variant.available > 0 &&
      variant.options[name] === value &&
      Object.entries(selection).every(
        ([other, chosen]) => other === name || variant.options[other] === chosen,
      ),
  );
}

export function missingOptions(item: ProductCardItem, selection: Selection): string[] {
  return item.options.filter((option) => selection[option.name] === undefined).map((option) => option.name);
}

/** "Size 27, Color Black": the words the assistant reads to find the variant. */
export function describeSelection(item: ProductCardItem, selection: Selection): string {
  return choosableOptions(item)
    .map((option) => `${option.name} ${selection[option.name] ?? ''}`.trim())
    .join(', ');
}

/** "Teal / 24": the chosen values, as the cart and the assistant list them. */
export function selectionValues(item: ProductCardItem, selection: Selection): string {
  return choosableOptions(item)
    .map((option) => selection[option.name])
    .filter((value): value is string => value !== undefined)
    .join(' / ');
}
