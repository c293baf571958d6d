/** Orders: created by checkout, then cancelled, modified, returned or exchanged through previewed changes. */

export type { CancelInput } from './cancel-order.js';
export type {
  ChargeSource,
  OrderChangeAction,
  OrderChangePlan,
  PlannedCharge,
  PlannedRefund,
  StockMove,
} from './change-plan.js';
export {
  type OrderConflictCode,
  OrderConflictError,
  type OrderInputCode,
  OrderInputError,
} from './errors.js';
export type { ExchangeInput } from './exchange-items.js';
export type { ModifyInput, SwapInput } from './modify-order.js';
export {
  type ChangeOptions,
  type ChangeResult,
  createOrderService,
  type OrderOperation,
  type OrderService,
  type OrderServiceOptions,
} from './order-service.js';
export type { ReturnInput } from './return-items.js';
export * from './types.js';
