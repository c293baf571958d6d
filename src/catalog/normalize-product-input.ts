/**
 * Validates a product input and brings it to its normal form: text trimmed and NFC-normalized,
 * empty values dropped, locales canonical, option values spelled as the product declares them,
 * currencies upper case. Every problem of the product is reported at once, so a merchant fixes a
 * feed row in one go.
 */
import { assertCurrency, type Money, ValidationError } from '../core/index.js';
import type { ProductContent, VariantContent } from './product-content.js';
import type {
  AttributeValue,
  LocalizedText,
  ProductImage,
  ProductInput,
  ProductOption,
  ProductStatus,
  VariantInput,
} from './types.js';

export const MAX_OPTIONS = 3;
const MAX_HANDLE_LENGTH = 255;
const STATUSES: readonly ProductStatus[] = ['active', 'draft', 'archived'];

export interface ProductIssue {
  readonly path: string;
  readonly message: string;
}

export function isProductStatus(value: unknown): value is ProductStatus {
  return STATUSES.includes(value as ProductStatus);
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').trim();
  return text === '' ? null : text;
}

function cleanList(values: readonly unknown[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values ?? []) {
    const text = cleanText(value);
    if (text === null || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
  }
  return out;
}

function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

function normalizeLocalized(
  text: LocalizedText | undefined,
  path: string,
  issues: ProductIssue[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, value] of Object.entries(text ?? {})) {
    const locale = canonicalLocale(tag);
    if (locale === null) {
      issues.push({ path: `${path}.${tag}`, message: `"${tag}" is not a locale tag` });
      continue;
    }
    const cleaned = cleanText(value);
    if (cleaned !== null) out[locale] = cleaned;
  }
  return out;
}

function normalizeAttributes(attributes: ProductInput['attributes']): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [rawName, rawValue] of Object.entries(attributes ?? {})) {
    const name = cleanText(rawName);
    if (name === null) continue;
    if (Array.isArray(rawValue)) {
      const values = cleanList(rawValue);
      if (values.length > 0) out[name] = values;
    } else {
      const value = cleanText(rawValue);
      if (value !== null) out[name] = value;
    }
  }
  return out;
}

function normalizeImages(images: ProductInput['images']): ProductImage[] {
  const seen = new Set<string>();
  const out: ProductImage[] = [];
  for (const image of images ?? []) {
    const url = cleanText(image.url);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    const alt = cleanText(image.alt);
    out.push(alt === null ? { url, position: out.length } : { url, alt, position: out.length });
  }
  return out;
}

function normalizeMoney(value: unknown, path: string, issues: ProductIssue[]): Money | null {
  const candidate = value as Partial<Money> | null | undefined;
  if (candidate === null || typeof candidate !== 'object') {
    issues.push({ path, message: 'must be an amount of minor units with a currency' });
    return null;
  }
  const amount = candidate.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    issues.push({ path: `${path}.amount`, message: 'must be a non-negative integer of minor units' });
    return null;
  }
  try {
    return { amount, currency: assertCurrency(String(candidate.currency ?? '')) };
  } catch {
    issues.push({
      path: `${path}.currency`,
      message: `"${String(candidate.currency)}" is not an ISO 4217 code`,
    });
    return null;
  }
}

/** An option axis with a map from each value's lower-cased form to the spelling the product uses. */
interface OptionAxis {
  readonly name: string;
  readonly localizedName: Record<string, string>;
  readonly spellings: Map<string, string>;
}

function normalizeOptions(options: ProductInput['options'], issues: ProductIssue[]): OptionAxis[] {
  const list = options ?? [];
  if (list.length > MAX_OPTIONS) {
    issues.push({
      path: 'options',
      message: `a product has at most ${MAX_OPTIONS} options, got ${list.length}`,
    });
  }
  const names = new Set<string>();
  return list.map((option, index) => {
    const name = cleanText(option.name) ?? '';
    if (name === '') issues.push({ path: `options.${index}.name`, message: 'an option needs a name' });
    else if (names.has(name.toLowerCase())) {
      issues.push({ path: `options.${index}.name`, message: `option "${name}" appears twice` });
    }
    names.add(name.toLowerCase());
    const spellings = new Map<string, string>();
    for (const value of cleanList(option.values)) spellings.set(value.toLowerCase(), value);
    return {
      name,
      localizedName: normalizeLocalized(option.localizedName, `options.${index}.localizedName`, issues),
      spellings,
    };
  });
}

function normalizeVariant(
  variant: VariantInput,
  index: number,
  axes: readonly OptionAxis[],
  issues: ProductIssue[],
): VariantContent | null {
  const path = `variants.${index}`;
  const before = issues.length;
  const rawValues = Array.isArray(variant.optionValues) ? variant.optionValues : [];
  if (rawValues.length !== axes.length) {
    issues.push({
      path: `${path}.optionValues`,
      message: `has ${rawValues.length} option values but the product has ${axes.length} options`,
    });
  }
  const optionValues = axes.map((axis, axisIndex) => {
    const value = cleanText(rawValues[axisIndex]);
    if (value === null) {
      if (axisIndex < rawValues.length) {
        issues.push({
          path: `${path}.optionValues.${axisIndex}`,
          message: 'an option value may not be empty',
        });
      }
      return '';
    }
    const known = axis.spellings.get(value.toLowerCase());
    if (known !== undefined) return known;
    axis.spellings.set(value.toLowerCase(), value);
    return value;
  });
  const price = normalizeMoney(variant.price, `${path}.price`, issues);
  const compareAtPrice =
    variant.compareAtPrice == null
      ? null
      : normalizeMoney(variant.compareAtPrice, `${path}.compareAtPrice`, issues);
  const cost = variant.cost == null ? null : normalizeMoney(variant.cost, `${path}.cost`, issues);
  const weightGrams = variant.weightGrams ?? null;
  if (weightGrams !== null && !(Number.isSafeInteger(weightGrams) && weightGrams >= 0)) {
    issues.push({ path: `${path}.weightGrams`, message: 'must be a non-negative whole number of grams' });
  }
  if (issues.length > before || price === null) return null;
  return {
    sku: cleanText(variant.sku),
    barcode: cleanText(variant.barcode),
    optionValues,
    price,
    compareAtPrice,
    cost,
    weightGrams,
    imageUrl: cleanText(variant.imageUrl),
  };
}

function checkVariantSet(variants: readonly VariantContent[], issues: ProductIssue[]): void {
  const combinations = new Map<string, number>();
  const skus = new Map<string, number>();
  let currency: string | undefined;
  variants.forEach((variant, index) => {
    const combination = JSON.stringify(variant.optionValues);
    const first = combinations.get(combination);
    if (first !== undefined) {
      issues.push({
        path: `variants.${index}.optionValues`,
        message: `repeats the option values of variant ${first} (${variant.optionValues.join(' / ') || 'none'})`,
      });
    } else combinations.set(combination, index);
    if (variant.sku !== null) {
      const owner = skus.get(variant.sku);
      if (owner !== undefined) {
        issues.push({
          path: `variants.${index}.sku`,
          message: `SKU "${variant.sku}" is also on variant ${owner}`,
        });
      } else skus.set(variant.sku, index);
    }
    for (const [field, value] of [
      ['price', variant.price],
      ['compareAtPrice', variant.compareAtPrice],
      ['cost', variant.cost],
    ] as const) {
      if (value === null) continue;
      currency ??= value.currency;
      if (value.currency !== currency) {
        issues.push({
          path: `variants.${index}.${field}.currency`,
          message: `all prices of a product are in one currency: ${value.currency} is not ${currency}`,
        });
      }
    }
  });
}

/** Collects every problem of `input`; the normal form is returned only when there is none. */
export function inspectProductInput(input: ProductInput): {
  content: ProductContent | null;
  issues: ProductIssue[];
} {
  const issues: ProductIssue[] = [];
  const handle = cleanText(input.handle);
  if (handle === null) issues.push({ path: 'handle', message: 'a product needs a handle' });
  else if (handle.length > MAX_HANDLE_LENGTH) {
    issues.push({ path: 'handle', message: `a handle has at most ${MAX_HANDLE_LENGTH} characters` });
  }
  if (input.status !== undefined && !isProductStatus(input.status)) {
    issues.push({ path: 'status', message: `status must be one of ${STATUSES.join(', ')}` });
  }
  const title = normalizeLocalized(input.title, 'title', issues);
  if (Object.keys(title).length === 0)
    issues.push({ path: 'title', message: 'a product needs a title in some locale' });
  const description = normalizeLocalized(input.description, 'description', issues);
  const axes = normalizeOptions(input.options, issues);
  const inputVariants = Array.isArray(input.variants) ? input.variants : [];
  if (inputVariants.length === 0)
    issues.push({ path: 'variants', message: 'a product needs at least one variant' });
  const variants = inputVariants.map((variant, index) => normalizeVariant(variant, index, axes, issues));
  const complete = variants.filter((variant): variant is VariantContent => variant !== null);
  checkVariantSet(complete, issues);
  if (issues.length > 0 || handle === null) return { content: null, issues };
  const options: ProductOption[] = axes.map((axis) => {
    const values = [...axis.spellings.values()];
    return Object.keys(axis.localizedName).length === 0
      ? { name: axis.name, values }
      : { name: axis.name, localizedName: axis.localizedName, values };
  });
  return {
    content: {
      handle,
      ...(input.status === undefined ? {} : { status: input.status }),
      title,
      description,
      brand: cleanText(input.brand),
      categoryPath: (input.categoryPath ?? []).map(cleanText).filter((part): part is string => part !== null),
      productType: cleanText(input.productType),
      tags: cleanList(input.tags),
      attributes: normalizeAttributes(input.attributes),
      options,
      images: normalizeImages(input.images),
      variants: complete,
    },
    issues,
  };
}

/** The normal form of `input`, or a ValidationError `invalid_product` listing every issue. */
export function normalizeProductInput(input: ProductInput): ProductContent {
  const { content, issues } = inspectProductInput(input);
  if (content !== null) return content;
  const handle = typeof input.handle === 'string' ? input.handle : '';
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw new ValidationError(
    `product "${handle}" is invalid: ${first?.path} ${first?.message}${more}`,
    { handle, issues },
    'invalid_product',
  );
}
