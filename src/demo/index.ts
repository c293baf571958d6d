/**
 * The demo store "Summit & Trail 山徑戶外": an outdoor and sports shop with about 150 products
 * and 1,000 variants, three locations and their stock, for trying Aisle without a catalog of
 * your own. Everything is deterministic, so tests and docs can quote it.
 */

export {
  DEMO_CLEARANCE,
  DEMO_CUSTOMERS,
  DEMO_SOCKS,
  type DemoCommerceServices,
  type DemoCommerceSummary,
  seedDemoCommerce,
} from './commerce/index.js';
export { isValidEan13 } from './ean.js';
export { demoImageSlugs, demoImageSvg } from './images.js';
export { DEMO_LOCATION_CODES, demoLocations } from './locations.js';
export { DEMO_ACTOR, type DemoSeedResult, type DemoSeedServices, demoProducts, seedDemo } from './seed.js';
export { demoStockPlan, STOCK_SHARES, type StockPlanLine, type StockProfile } from './stock-plan.js';
export { demoSynonyms } from './synonyms.js';

export const DEMO_STORE = {
  name: { en: 'Summit & Trail', 'zh-TW': '山徑戶外' },
  currency: 'TWD',
  locales: ['zh-TW', 'en'],
} as const;
