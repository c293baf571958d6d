/** Carts, priced quotes (always through rules/) and checkout orchestration. */
export {
  type CartService,
  type CartServiceDependencies,
  createCartService,
  type ShippingInput,
} from './cart-service.js';
export { CHECKOUT_STEPS, type CheckoutStep } from './checkout-records.js';
export type { CheckoutHooks, RecoveryReport } from './checkout-saga.js';
export { holdExpired, PaymentDeclinedError, PriceChangedError } from './errors.js';
export type * from './types.js';
