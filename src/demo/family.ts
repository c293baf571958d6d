/**
 * A product family is one model as a merchant thinks of it: a name, a story, a price, and the
 * colours and sizes it comes in. `expandFamilies` turns the compact families of products/ into
 * the catalog's ProductInput, deriving SKUs, barcodes, costs, images and variants by one rule.
 */

import type { AttributeValue, ProductInput, ProductOption, VariantInput } from '../catalog/types.js';
import { hashText, money } from '../core/index.js';
import { BRANDS, type BrandKey } from './brands.js';
import { COLOURS, type ColourName } from './colours.js';
import type { Drawing } from './drawings.js';
import { demoEan13 } from './ean.js';

export const DEMO_CURRENCY = 'TWD';

/** English first, then Traditional Chinese. */
export type Bilingual = readonly [en: string, zhTw: string];

export type Gender = 'men' | 'women' | 'unisex' | 'kids';

/** Option axes beyond colour and size, with their Chinese names. */
export const EXTRA_OPTION_NAMES = {
  Capacity: '容量',
  Length: '長度',
  Pack: '入數',
  Lens: '鏡片',
  Weight: '重量',
  Edition: '版本',
} as const;

export interface ExtraOption {
  readonly name: keyof typeof EXTRA_OPTION_NAMES;
  /** `[value, SKU segment, surcharge in whole NT$]`. */
  readonly values: readonly (readonly [value: string, code: string, surcharge?: number])[];
}

export interface Family {
  readonly handle: string;
  /** SKU segment of the model, e.g. `AURA-M`. */
  readonly model: string;
  /** SKU segment of the product line, e.g. `HK` for hiking shoes. */
  readonly line: string;
  readonly brand: BrandKey;
  readonly drawing: Drawing;
  readonly title: Bilingual;
  readonly description: Bilingual;
  readonly category: readonly string[];
  readonly type: string;
  readonly gender: Gender;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Regular price in whole NT$. */
  readonly price: number;
  /** When the whole family is on sale: the price it was, in whole NT$; `price` is the sale price. */
  readonly was?: number;
  /** Colours cleared at a lower price (whole NT$), the rest at `price`. */
  readonly markdown?: Readonly<Partial<Record<ColourName, number>>>;
  /** Cost as a percentage of the regular price; derived from the handle when absent (42–58). */
  readonly costPercent?: number;
  /** Shipping weight of the smallest variant. */
  readonly grams: number;
  /** Extra grams per size step, for shoes and clothing that grow with the size. */
  readonly gramsPerSize?: number;
  readonly colours?: readonly ColourName[];
  /** Colour of the picture for a family without a Color option. */
  readonly tint?: ColourName;
  readonly sizes?: readonly string[];
  readonly extra?: ExtraOption;
}

/** Shared fields of a product line, spread under each family of the line. */
export function line<Shared extends Partial<Family>>(
  shared: Shared,
  families: readonly (Omit<Family, keyof Shared> & Partial<Family>)[],
): Family[] {
  return families.map((family) => ({ ...shared, ...family }) as Family);
}

export function colourSlug(colour: ColourName): string {
  return colour.toLowerCase().replace(/\s+/g, '-');
}

/** The image slug of a family's picture in `colour` (or its only picture). */
export function imageSlug(family: Family, colour: ColourName | undefined): string {
  return colour === undefined ? family.handle : `${family.handle}-${colourSlug(colour)}`;
}

export function imageUrl(slug: string): string {
  return `/demo/images/${slug}.svg`;
}

/** Shoe sizes in centimetres become three digits (26.5 → 265) so SKUs sort and never hold dots. */
function sizeSegment(size: string): string {
  if (/^\d{2}(\.5)?$/.test(size)) return String(Math.round(Number(size) * 10));
  return size.toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

function defaultCostPercent(handle: string): number {
  return 42 + (hashText(handle) % 17);
}

interface Axis {
  readonly option: ProductOption;
  readonly codes: readonly string[];
  readonly surcharges: readonly number[];
}

function axesOf(family: Family): Axis[] {
  const axes: Axis[] = [];
  if (family.colours !== undefined) {
    axes.push({
      option: { name: 'Color', localizedName: { 'zh-TW': '顏色' }, values: family.colours },
      codes: family.colours.map((colour) => COLOURS[colour].code),
      surcharges: family.colours.map(() => 0),
    });
  }
  if (family.sizes !== undefined) {
    axes.push({
      option: { name: 'Size', localizedName: { 'zh-TW': '尺寸' }, values: family.sizes },
      codes: family.sizes.map(sizeSegment),
      surcharges: family.sizes.map(() => 0),
    });
  }
  if (family.extra !== undefined) {
    const { name, values } = family.extra;
    axes.push({
      option: {
        name,
        localizedName: { 'zh-TW': EXTRA_OPTION_NAMES[name] },
        values: values.map(([value]) => value),
      },
      codes: values.map(([, code]) => code),
      surcharges: values.map(([, , surcharge]) => surcharge ?? 0),
    });
  }
  return axes;
}

/** Every combination of one value per axis, as value indexes, in option order. */
function combinations(axes: readonly Axis[]): number[][] {
  return axes.reduce<number[][]>(
    (partial, axis) => partial.flatMap((prefix) => axis.option.values.map((_, index) => [...prefix, index])),
    [[]],
  );
}

/** Counts barcodes per brand so every variant gets the next item number of its brand. */
export class BarcodeSequence {
  private readonly next = new Map<BrandKey, number>();

  take(brand: BrandKey): string {
    const item = (this.next.get(brand) ?? 0) + 1;
    this.next.set(brand, item);
    return demoEan13(BRANDS[brand].barcodeNumber, item);
  }
}

function tagsOf(family: Family, onSale: boolean): string[] {
  const tags = new Set([...(family.tags ?? []), family.gender]);
  if (onSale) tags.add('sale');
  return [...tags];
}

const TWD = (whole: number) => money(whole * 100, DEMO_CURRENCY);

export function expandFamily(family: Family, barcodes: BarcodeSequence): ProductInput {
  const axes = axesOf(family);
  const colourAxis = family.colours === undefined ? undefined : 0;
  const sizeAxis = family.sizes === undefined ? undefined : family.colours === undefined ? 0 : 1;
  const costPercent = family.costPercent ?? defaultCostPercent(family.handle);
  const variants: VariantInput[] = combinations(axes).map((indexes) => {
    const colour = colourAxis === undefined ? undefined : family.colours?.[indexes[colourAxis] ?? 0];
    const surcharge = indexes.reduce(
      (sum, valueIndex, axisIndex) => sum + (axes[axisIndex]?.surcharges[valueIndex] ?? 0),
      0,
    );
    const regular = (family.was ?? family.price) + surcharge;
    const cleared = colour === undefined ? undefined : family.markdown?.[colour];
    const price = (cleared ?? family.price) + surcharge;
    const compareAt = price < regular ? regular : null;
    const sizeSteps = sizeAxis === undefined ? 0 : (indexes[sizeAxis] ?? 0);
    const segments = indexes.map((valueIndex, axisIndex) => axes[axisIndex]?.codes[valueIndex] ?? '');
    return {
      sku: ['ST', family.line, family.model, ...segments].join('-'),
      barcode: barcodes.take(family.brand),
      optionValues: indexes.map((valueIndex, axisIndex) => axes[axisIndex]?.option.values[valueIndex] ?? ''),
      price: TWD(price),
      compareAtPrice: compareAt === null ? null : TWD(compareAt),
      cost: TWD(Math.round((regular * costPercent) / 100)),
      weightGrams: family.grams + sizeSteps * (family.gramsPerSize ?? 0),
      imageUrl: imageUrl(imageSlug(family, colour)),
    };
  });
  const [titleEn, titleZh] = family.title;
  const pictured = family.colours ?? [undefined];
  return {
    handle: family.handle,
    status: 'active',
    title: { en: titleEn, 'zh-TW': titleZh },
    description: { en: family.description[0], 'zh-TW': family.description[1] },
    brand: BRANDS[family.brand].name,
    categoryPath: family.category,
    productType: family.type,
    tags: tagsOf(
      family,
      variants.some((variant) => variant.compareAtPrice !== null),
    ),
    attributes: { gender: family.gender, ...family.attributes },
    options: axes.map((axis) => axis.option),
    images: pictured.map((colour) => ({
      url: imageUrl(imageSlug(family, colour)),
      alt: colour === undefined ? titleEn : `${titleEn} in ${colour}`,
    })),
    variants,
  };
}

export function expandFamilies(families: readonly Family[]): ProductInput[] {
  const barcodes = new BarcodeSequence();
  return families.map((family) => expandFamily(family, barcodes));
}
