export { containsCardNumber, rejectCardNumber } from './card-number-guard.js';
export { PaymentProviderError, WebhookSignatureError } from './errors.js';
export { SANDBOX_PAYMENT_METHODS } from './sandbox-payment-methods.js';
export {
  createSandboxProvider,
  type SandboxProvider,
  type SandboxProviderOptions,
  type WebhookDelivery,
} from './sandbox-provider.js';
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
