export { containsCardNumber, rejectCardNumber } from './card-number-guard.js';
export { PaymentProviderError, WebhookSignatureError } from './errors.js';
export {
  createGiftCards,
  type GiftCardMovement,
  type GiftCards,
  type IssueGiftCardInput,
  normalizeGiftCardCode,
} from './gift-cards.js';
export {
  createTenderPayments,
  type PayWithTendersInput,
  type Tender,
  type TenderAllocation,
  type TenderPaymentResult,
  type TenderPayments,
} from './pay-with-tenders.js';
export { paymentMethodLabel } from './payment-method-label.js';
export { SANDBOX_PAYMENT_METHODS } from './sandbox-payment-methods.js';
export {
  createSandboxProvider,
  type SandboxProvider,
  type SandboxProviderOptions,
  type WebhookDelivery,
} from './sandbox-provider.js';
export { createStoreCredit, type StoreCredit, type StoreCreditMovement } from './store-credit.js';
export type {
  LedgerEntry,
  LedgerEntryType,
  StoredValueAccount,
  StoredValueKind,
} from './stored-value-ledger.js';
export { createStripeProvider, type StripeProviderOptions } from './stripe-provider.js';
export type {
  AmountInput,
  AuthorizeInput,
  DeclineReason,
  NextAction,
  Payment,
  PaymentEvent,
  PaymentEventType,
  PaymentKeyInput,
  PaymentMethodSummary,
  PaymentProvider,
  PaymentStatus,
  Refund,
  WebhookHeaders,
} from './types.js';
