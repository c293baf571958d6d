/**
 * The demo store's trading: promotions and policies, shoppers with saved cards, a gift card and
 * store credit, and orders in every state, seeded through the real services over the demo catalog.
 */
export { DEMO_CUSTOMERS, type DemoCustomer } from './demo-customers.js';
export { DEMO_ORDERS, type DemoOrder } from './demo-orders.js';
export { DEMO_CLEARANCE, DEMO_MEMBER_TIERS, DEMO_SOCKS } from './demo-promotions.js';
export {
  type DemoCommerceOptions,
  type DemoCommerceServices,
  type DemoCommerceSummary,
  type DemoOrderSummary,
  seedDemoCommerce,
} from './seed-demo-commerce.js';
