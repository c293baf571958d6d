/**
 * An order operation as a typed action: `validate` checks the request against the order and the
 * store's policies and throws a typed error when it cannot be done; `apply` edits a virtual
 * order (an OrderDraft) with what it will do. Neither writes anything.
 */
import type { ActionDependencies } from './action-checks.js';
import type { OrderDraft } from './order-draft.js';
import type { Order } from './types.js';

export interface OrderAction<Input, Checked> {
  validate(order: Order, input: Input, deps: ActionDependencies, now: number): Promise<Checked>;
  apply(draft: OrderDraft, checked: Checked): void;
}
