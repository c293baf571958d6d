/**
 * Two small shops of different kinds (outdoor gear, tea) for the search tests, built from terse
 * descriptions. Prices are in TWD minor units.
 */
import type { Product, ProductOption } from '../types.js';

interface VariantSketch {
  readonly id: string;
  readonly options?: readonly string[];
  readonly price: number;
  readonly sku?: string;
}

interface ProductSketch {
  readonly id: string;
  readonly title: Readonly<Record<string, string>>;
  readonly description?: Readonly<Record<string, string>>;
  readonly brand?: string;
  readonly categoryPath?: readonly string[];
  readonly productType?: string;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, string | readonly string[]>>;
  readonly options?: readonly ProductOption[];
  readonly variants: readonly VariantSketch[];
  readonly createdAt: number;
  readonly status?: Product['status'];
}

export function sketchProduct(sketch: ProductSketch): Product {
  return {
    id: sketch.id,
    handle: sketch.id,
    status: sketch.status ?? 'active',
    title: sketch.title,
    description: sketch.description ?? {},
    brand: sketch.brand ?? null,
    categoryPath: sketch.categoryPath ?? [],
    productType: sketch.productType ?? null,
    tags: sketch.tags ?? [],
    attributes: sketch.attributes ?? {},
    options: sketch.options ?? [],
    images: [],
    variants: sketch.variants.map((variant, position) => ({
      id: variant.id,
      productId: sketch.id,
      sku: variant.sku ?? null,
      barcode: null,
      optionValues: variant.options ?? [],
      price: { amount: variant.price, currency: 'TWD' },
      compareAtPrice: null,
      cost: null,
      weightGrams: null,
      imageUrl: null,
      position,
    })),
    createdAt: sketch.createdAt,
    updatedAt: sketch.createdAt,
  };
}

const color = (values: string[]): ProductOption => ({
  name: 'Color',
  localizedName: { 'zh-TW': '顏色' },
  values,
});
const size = (values: string[]): ProductOption => ({
  name: 'Size',
  localizedName: { 'zh-TW': '尺寸' },
  values,
});

export function outdoorShop(): Product[] {
  return [
    sketchProduct({
      id: 'rain-jacket',
      title: { en: 'Gore-Tex Waterproof Rain Jacket', 'zh-TW': 'Gore-Tex 防水外套' },
      description: { en: 'A light shell for wet trails.' },
      brand: 'Summit',
      categoryPath: ['Clothing', 'Jackets'],
      productType: 'Jacket',
      tags: ['hiking', 'rain'],
      attributes: { material: 'Gore-Tex', gender: 'Men' },
      options: [color(['Black', 'Red']), size(['M', 'L'])],
      variants: [
        { id: 'rain-jacket-black-m', options: ['Black', 'M'], price: 599000, sku: 'SUM-RJ-BK-M' },
        { id: 'rain-jacket-black-l', options: ['Black', 'L'], price: 599000 },
        { id: 'rain-jacket-red-m', options: ['Red', 'M'], price: 549000 },
        { id: 'rain-jacket-red-l', options: ['Red', 'L'], price: 549000 },
      ],
      createdAt: 3000,
    }),
    sketchProduct({
      id: 'softshell-coat',
      title: { en: 'Softshell Coat', 'zh-TW': '軟殼夾克' },
      description: { en: 'Windproof and breathable; not waterproof in heavy rain.' },
      brand: 'Ridge',
      categoryPath: ['Clothing', 'Jackets'],
      productType: 'Jacket',
      tags: ['windproof'],
      attributes: { material: 'Polyester', gender: 'Women' },
      options: [color(['Blue', 'Black'])],
      variants: [
        { id: 'softshell-blue', options: ['Blue'], price: 329000 },
        { id: 'softshell-black', options: ['Black'], price: 349000 },
      ],
      createdAt: 2000,
    }),
    sketchProduct({
      id: 'trail-shoe',
      title: { en: 'Trail Running Shoes', 'zh-TW': '越野跑鞋' },
      brand: 'Ridge',
      categoryPath: ['Footwear', 'Running shoes'],
      productType: 'Shoes',
      tags: ['running'],
      options: [size(['25', '26', '27'])],
      variants: [
        { id: 'trail-shoe-25', options: ['25'], price: 399000 },
        { id: 'trail-shoe-26', options: ['26'], price: 399000 },
        { id: 'trail-shoe-27', options: ['27'], price: 419000 },
      ],
      createdAt: 4000,
    }),
    sketchProduct({
      id: 'hiking-boot',
      title: { en: 'Waterproof Hiking Boots', 'zh-TW': '防水登山鞋' },
      brand: 'Summit',
      categoryPath: ['Footwear', 'Hiking shoes'],
      productType: 'Shoes',
      tags: ['hiking'],
      attributes: { material: ['Leather', 'Gore-Tex'] },
      options: [size(['26', '27', '28'])],
      variants: [
        { id: 'hiking-boot-26', options: ['26'], price: 459000 },
        { id: 'hiking-boot-27', options: ['27'], price: 459000 },
        { id: 'hiking-boot-28', options: ['28'], price: 479000 },
      ],
      createdAt: 1000,
    }),
    sketchProduct({
      id: 'daypack',
      title: { en: 'Daypack 30L', 'zh-TW': '登山背包 30公升' },
      brand: 'Trailhead',
      categoryPath: ['Bags'],
      productType: 'Backpack',
      tags: ['hiking'],
      options: [color(['Green'])],
      variants: [{ id: 'daypack-green', options: ['Green'], price: 189000 }],
      createdAt: 5000,
    }),
    sketchProduct({
      id: 'draft-tent',
      status: 'draft',
      title: { en: 'Waterproof Tent' },
      variants: [{ id: 'draft-tent-default', price: 990000 }],
      createdAt: 6000,
    }),
  ];
}

export function teaShop(): Product[] {
  const weight = (values: string[]): ProductOption => ({
    name: 'Weight',
    localizedName: { 'zh-TW': '重量' },
    values,
  });
  return [
    sketchProduct({
      id: 'oriental-beauty',
      title: { en: 'Oriental Beauty Oolong Tea', 'zh-TW': '東方美人茶' },
      description: { 'zh-TW': '新竹北埔的膨風茶，蜜香濃郁。' },
      brand: 'Lin Family Tea',
      categoryPath: ['Tea', 'Oolong'],
      productType: 'Loose leaf tea',
      tags: ['organic'],
      attributes: { origin: 'Hsinchu' },
      options: [weight(['75g', '150g'])],
      variants: [
        { id: 'oriental-beauty-75', options: ['75g'], price: 68000 },
        { id: 'oriental-beauty-150', options: ['150g'], price: 120000 },
      ],
      createdAt: 1000,
    }),
    sketchProduct({
      id: 'dong-ding',
      title: { en: 'Dong Ding Oolong', 'zh-TW': '凍頂烏龍茶' },
      brand: 'Mountain Mist',
      categoryPath: ['Tea', 'Oolong'],
      productType: 'Loose leaf tea',
      attributes: { origin: 'Nantou' },
      options: [weight(['150g', '300g'])],
      variants: [
        { id: 'dong-ding-150', options: ['150g'], price: 90000 },
        { id: 'dong-ding-300', options: ['300g'], price: 170000 },
      ],
      createdAt: 2000,
    }),
    sketchProduct({
      id: 'cold-brew-bottle',
      title: { en: 'Cold Brew Tea Bottle', 'zh-TW': '冷泡茶隨行瓶' },
      brand: 'Mountain Mist',
      categoryPath: ['Teaware'],
      productType: 'Bottle',
      options: [{ name: 'Color', localizedName: { 'zh-TW': '顏色' }, values: ['Black', 'White'] }],
      variants: [
        { id: 'bottle-black', options: ['Black'], price: 45000 },
        { id: 'bottle-white', options: ['White'], price: 45000 },
      ],
      createdAt: 3000,
    }),
    sketchProduct({
      id: 'sun-moon-lake',
      title: { en: 'Sun Moon Lake Black Tea', 'zh-TW': '日月潭紅茶' },
      brand: 'Lin Family Tea',
      categoryPath: ['Tea', 'Black tea'],
      productType: 'Loose leaf tea',
      tags: ['organic'],
      options: [weight(['75g'])],
      variants: [{ id: 'sun-moon-lake-75', options: ['75g'], price: 52000 }],
      createdAt: 4000,
    }),
  ];
}
