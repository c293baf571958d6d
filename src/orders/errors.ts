/**
 * Order errors. Every refused operation answers one of these codes and changes nothing: state
 * conflicts are 409 (OrderConflictError), bad requests 400 (OrderInputError).
 */
import { AisleError, ConflictError, type ErrorDetails, ValidationError } from '../core/index.js';

export type OrderConflictCode =
  | 'not_cancellable'
  | 'not_modifiable'
  | 'not_returnable'
  | 'not_exchangeable'
  | 'outside_return_window'
  | 'final_sale'
  | 'quantity_exceeds_delivered'
  | 'quantity_exceeds_open'
  | 'insufficient_gift_card_balance'
  | 'insufficient_store_credit'
  | 'payment_declined'
  | 'payment_already_captured'
  | 'payment_not_capturable'
  | 'request_not_open'
  | 'fulfilment_out_of_order'
  | 'order_changed'
  | 'order_number_taken';

export type OrderInputCode =
  | 'reason_not_allowed'
  | 'not_same_product'
  | 'unknown_line'
  | 'unknown_variant'
  | 'invalid_quantity'
  | 'invalid_amount'
  | 'refund_method_not_allowed'
  | 'payment_method_required'
  | 'store_credit_needs_customer'
  | 'nothing_to_change'
  | 'invalid_order';

export class OrderConflictError extends ConflictError {
  constructor(code: OrderConflictCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }

  static override isInstance(value: unknown): value is OrderConflictError {
    return AisleError.isInstance(value) && value.status === 409;
  }
}

export class OrderInputError extends ValidationError {
  constructor(code: OrderInputCode, message: string, details?: ErrorDetails) {
    super(message, details, code);
  }

  static override isInstance(value: unknown): value is OrderInputError {
    return AisleError.isInstance(value) && value.status === 400;
  }
}
