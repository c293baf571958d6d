import { formatMoney } from '../core/index.js';
import { seedDemo, seedDemoCommerce } from '../demo/index.js';
import type { AppServices } from '../server/index.js';

/**
 * Writes the whole demo store — catalog, locations, stock, then promotions, policies, customers
 * and orders placed through the real checkout — and prints what a person needs to try it.
 * Idempotent: a second run changes nothing.
 */
export async function seedDemoStore(services: AppServices): Promise<void> {
  const catalog = await seedDemo({ catalog: services.catalog, inventory: services.inventory });
  await services.refreshPolicies();
  const commerce = await seedDemoCommerce(services);
  await services.refreshPolicies();
  await services.settled();
  console.log(
    `demo store: ${catalog.products} products, ${catalog.variants} variants, ${catalog.locations} locations, ` +
      `${commerce.customers.people.length} customers, ${commerce.orders.list.length} orders (docs/demo-store.md)`,
  );
  for (const card of commerce.giftCards) {
    console.log(`demo gift card for ${card.email}: ${card.code} (${formatMoney(card.balance)})`);
  }
}
