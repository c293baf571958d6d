/** A small shop for checkout tests: three products with stock, the sample rules, sandbox payments. */
import { type CartService, type CheckoutHooks, createCartService } from '../../src/cart/index.js';
import { createCatalogService } from '../../src/catalog/index.js';
import type { Clock } from '../../src/core/index.js';
import { createInventoryService, type InventoryService } from '../../src/inventory/index.js';
import {
  createSandboxProvider,
  createTenderPayments,
  type SandboxProvider,
} from '../../src/payments/index.js';
import { buildSampleRuleSet } from '../../src/rules/index.js';
import type { Store } from '../../src/store/index.js';
import { installTestTables, testOrderSink, testPromotionSource } from './ports.js';

const twd = (dollars: number) => ({ amount: dollars * 100, currency: 'TWD' });

export const address = {
  name: 'Lin Mei',
  line1: '1 Zhongshan Rd',
  city: 'Taipei',
  postalCode: '100',
  country: 'TW',
};

export interface Shop {
  readonly cart: CartService;
  readonly inventory: InventoryService;
  readonly provider: SandboxProvider;
  readonly orders: ReturnType<typeof testOrderSink>;
  readonly promotions: ReturnType<typeof testPromotionSource>;
  readonly variants: { jacket: string; socks: string; clearance: string };
}

/** Seeds the catalog and stock once per database; `build` alone reopens an existing one. */
export async function seedShop(
  store: Store,
  clock: Clock,
  stock = { jacket: 5, socks: 50, clearance: 2 },
): Promise<void> {
  await installTestTables(store);
  const catalog = createCatalogService({ store, clock });
  await catalog.upsertProducts([
    {
      handle: 'storm-shell',
      title: { en: 'Storm Shell Jacket', 'zh-TW': '風暴防水外套' },
      categoryPath: ['Clothing', 'Jackets'],
      variants: [{ sku: 'JACKET-M', optionValues: [], price: twd(4200), weightGrams: 800 }],
    },
    {
      handle: 'trail-socks',
      title: { en: 'Trail Socks', 'zh-TW': '登山襪' },
      categoryPath: ['Accessories', 'Socks'],
      tags: ['socks'],
      variants: [{ sku: 'SOCKS', optionValues: [], price: twd(300), weightGrams: 100 }],
    },
    {
      handle: 'old-fleece',
      title: { en: 'Last Season Fleece', 'zh-TW': '過季刷毛衣' },
      categoryPath: ['Clothing', 'Fleece'],
      tags: ['clearance'],
      variants: [{ sku: 'FLEECE', optionValues: [], price: twd(2000), weightGrams: 500 }],
    },
  ]);
  const inventory = createInventoryService({ store, clock });
  const location = await inventory.upsertLocation({
    code: 'wh',
    name: { en: 'Warehouse' },
    kind: 'warehouse',
    priority: 1,
    channels: ['online'],
  });
  const ids = await variantIds(store);
  for (const [key, quantity] of Object.entries(stock) as [keyof typeof stock, number][]) {
    await inventory.adjust({
      variantId: ids[key],
      locationId: location.id,
      kind: 'receive',
      quantity,
      actor: 'test',
    });
  }
}

async function variantIds(store: Store): Promise<Shop['variants']> {
  const rows = await store.db.selectFrom('variants').select(['id', 'sku']).execute();
  const bySku = (sku: string) => rows.find((row) => row.sku === sku)?.id ?? '';
  return { jacket: bySku('JACKET-M'), socks: bySku('SOCKS'), clearance: bySku('FLEECE') };
}

export async function buildShop(
  store: Store,
  clock: Clock,
  options: { hooks?: CheckoutHooks; holdTtlSeconds?: number } = {},
): Promise<Shop> {
  const catalog = createCatalogService({ store, clock });
  const inventory = createInventoryService({ store, clock });
  const provider = createSandboxProvider({ store, clock, webhookSecret: 'test-webhook-secret-0123456789' });
  const tenders = createTenderPayments({ store, provider, clock });
  const orders = testOrderSink(store);
  const promotions = testPromotionSource(
    store,
    buildSampleRuleSet({ socks: { tags: ['socks'] }, clearance: { tags: ['clearance'] } }),
  );
  const cart = createCartService({
    store,
    clock,
    catalog,
    inventory,
    payments: { tenders, provider },
    orders,
    promotions,
    customers: async (id) => ({
      id,
      firstOrder: id.startsWith('new-'),
      tier: id.startsWith('member-') ? 'member' : 'guest',
      country: 'TW',
    }),
    ...(options.holdTtlSeconds !== undefined && { holdTtlSeconds: options.holdTtlSeconds }),
    ...(options.hooks !== undefined && { hooks: options.hooks }),
  });
  return { cart, inventory, provider, orders, promotions, variants: await variantIds(store) };
}

/** A cart with a jacket and two pairs of socks, an email and an address, ready for checkout. */
export async function readyCart(shop: Shop): Promise<{ cartId: string; token: string }> {
  const { cartId, token } = await shop.cart.createCart({ email: 'mei@example.com' });
  await shop.cart.addLine(cartId, { variantId: shop.variants.jacket, quantity: 1 });
  await shop.cart.addLine(cartId, { variantId: shop.variants.socks, quantity: 2 });
  await shop.cart.setShipping(cartId, { address, optionId: 'home-delivery' });
  return { cartId, token };
}
