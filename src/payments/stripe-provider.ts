/**
 * The Stripe adapter: PaymentIntents with manual capture, so authorizing and capturing are two
 * steps as in the sandbox. Every mutating call carries our idempotency key as Stripe's, so a
 * retry after a timeout cannot charge twice; Stripe's own replay answers it.
 */
import Stripe from 'stripe';
import {
  type AisleError,
  type Clock,
  ConflictError,
  NotFoundError,
  systemClock,
  ValidationError,
} from '../core/index.js';
import { idempotencyKeyReused, PaymentProviderError, WebhookSignatureError } from './errors.js';
import { assertIdempotencyKey } from './idempotency.js';
import { eventTypeOf, paymentFromIntent, refundFromStripe } from './stripe-mapping.js';
import type {
  AmountInput,
  Payment,
  PaymentEvent,
  PaymentKeyInput,
  PaymentProvider,
  Refund,
  WebhookHeaders,
} from './types.js';
import { assertPositiveAmount, validateAuthorizeInput } from './validate-input.js';
import { headerValue } from './webhook-signature.js';

export interface StripeProviderOptions {
  readonly secretKey: string;
  /** The endpoint's signing secret ("whsec_..."). */
  readonly webhookSecret: string;
  readonly clock?: Clock;
  /** Where the shopper returns after a redirect-based 3-D Secure challenge. */
  readonly returnUrl?: string;
  /** Point the SDK elsewhere than api.stripe.com (a local test server, a proxy). */
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: 'http' | 'https';
  readonly timeoutMs?: number;
  readonly maxNetworkRetries?: number;
}

/** Which of our conflicts a Stripe "unexpected state" means, by the call that hit it. */
type Operation = 'authorize' | 'confirm' | 'capture' | 'void' | 'refund' | 'get';

const STATE_CONFLICTS: Readonly<Record<Operation, string>> = {
  authorize: 'payment_invalid_state',
  confirm: 'payment_not_awaiting_action',
  capture: 'payment_not_capturable',
  void: 'payment_not_voidable',
  refund: 'payment_not_refundable',
  get: 'payment_invalid_state',
};

const EXPAND = ['payment_method', 'latest_charge'];

function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** Turns a Stripe error into ours; never carries Stripe's message, which may quote parameters. */
export function mapStripeError(
  error: unknown,
  operation: Operation,
  context: { paymentId?: string; idempotencyKey?: string },
): AisleError {
  if (!isStripeError(error))
    return new PaymentProviderError('payment provider call failed', { cause: error });
  const details = { paymentId: context.paymentId, providerCode: error.code };
  if (error.rawType === 'idempotency_error') return idempotencyKeyReused(context.idempotencyKey ?? '');
  if (error.rawType === 'invalid_request_error') {
    if (error.code === 'resource_missing' && error.param === 'payment_method') {
      return new ValidationError(
        'unknown payment method token',
        { field: 'paymentMethod' },
        'unknown_payment_method',
      );
    }
    if (error.code === 'resource_missing')
      return new NotFoundError('payment', context.paymentId ?? '', 'payment_not_found');
    if (operation === 'refund' && (error.code === 'charge_already_refunded' || error.param === 'amount')) {
      return new ConflictError(
        'refund_exceeds_captured',
        'cannot refund more than was captured and not yet refunded',
        details,
      );
    }
    if (operation === 'capture' && error.param === 'amount_to_capture') {
      return new ConflictError(
        'capture_exceeds_authorized',
        'cannot capture more than was authorized',
        details,
      );
    }
    if (error.code === 'payment_intent_unexpected_state' || error.code === 'charge_not_refundable') {
      return new ConflictError(
        STATE_CONFLICTS[operation],
        `the payment is not in a state that allows ${operation}`,
        details,
      );
    }
    return new ValidationError(
      'the payment provider rejected the request',
      details,
      'provider_rejected_request',
    );
  }
  return new PaymentProviderError(`payment provider call failed (${error.type})`, { cause: error });
}

export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const clock = options.clock ?? systemClock;
  const stripe = new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
  });

  async function call<T>(
    operation: Operation,
    context: { paymentId?: string; idempotencyKey?: string },
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw mapStripeError(error, operation, context);
    }
  }

  async function retrieve(paymentId: string): Promise<Stripe.PaymentIntent> {
    return call('get', { paymentId }, () => stripe.paymentIntents.retrieve(paymentId, { expand: EXPAND }));
  }

  return {
    name: 'stripe',

    async authorize(input): Promise<Payment> {
      const valid = validateAuthorizeInput(input);
      const parameters: Stripe.PaymentIntentCreateParams = {
        amount: valid.amount.amount,
        currency: valid.amount.currency.toLowerCase(),
        payment_method: valid.paymentMethod,
        capture_method: 'manual',
        confirm: true,
        metadata: valid.metadata,
        expand: EXPAND,
        ...(options.returnUrl === undefined
          ? { automatic_payment_methods: { enabled: true, allow_redirects: 'never' } }
          : { return_url: options.returnUrl }),
      };
      try {
        return paymentFromIntent(
          await stripe.paymentIntents.create(parameters, { idempotencyKey: valid.idempotencyKey }),
        );
      } catch (error) {
        // A decline comes back as an error that carries the failed PaymentIntent.
        if (isStripeError(error) && error.rawType === 'card_error' && error.payment_intent !== undefined) {
          const payment = paymentFromIntent(error.payment_intent);
          return {
            ...payment,
            status: 'declined',
            nextAction: null,
            declineReason: payment.declineReason ?? 'card_declined',
          };
        }
        throw mapStripeError(error, 'authorize', { idempotencyKey: valid.idempotencyKey });
      }
    },

    async confirmAction(input: PaymentKeyInput): Promise<Payment> {
      assertIdempotencyKey(input.idempotencyKey);
      const intent = await retrieve(input.paymentId);
      if (intent.status === 'requires_action') {
        throw new ConflictError(
          'action_not_completed',
          'the shopper has not completed the 3-D Secure challenge yet',
          {
            paymentId: intent.id,
          },
        );
      }
      if (intent.status === 'requires_confirmation') {
        const context = { paymentId: input.paymentId, idempotencyKey: input.idempotencyKey };
        const confirmed = await call('confirm', context, () =>
          stripe.paymentIntents.confirm(
            input.paymentId,
            { expand: EXPAND },
            { idempotencyKey: input.idempotencyKey },
          ),
        );
        return paymentFromIntent(confirmed);
      }
      if (intent.status === 'succeeded' || intent.status === 'canceled') {
        throw new ConflictError(
          'payment_not_awaiting_action',
          `cannot confirm a payment that is ${paymentFromIntent(intent).status}`,
          {
            paymentId: intent.id,
          },
        );
      }
      return paymentFromIntent(intent);
    },

    async capture(input: AmountInput): Promise<Payment> {
      assertIdempotencyKey(input.idempotencyKey);
      if (input.amount !== undefined) assertPositiveAmount(input.amount);
      const parameters: Stripe.PaymentIntentCaptureParams = {
        expand: EXPAND,
        ...(input.amount === undefined ? {} : { amount_to_capture: input.amount }),
      };
      const intent = await call('capture', input, () =>
        stripe.paymentIntents.capture(input.paymentId, parameters, { idempotencyKey: input.idempotencyKey }),
      );
      return paymentFromIntent(intent);
    },

    async void(input: PaymentKeyInput): Promise<Payment> {
      assertIdempotencyKey(input.idempotencyKey);
      const intent = await call('void', input, () =>
        stripe.paymentIntents.cancel(
          input.paymentId,
          { expand: EXPAND },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return paymentFromIntent(intent);
    },

    async refund(input: AmountInput): Promise<Refund> {
      assertIdempotencyKey(input.idempotencyKey);
      if (input.amount !== undefined) assertPositiveAmount(input.amount);
      const parameters: Stripe.RefundCreateParams = {
        payment_intent: input.paymentId,
        ...(input.amount === undefined ? {} : { amount: input.amount }),
      };
      const refund = await call('refund', input, () =>
        stripe.refunds.create(parameters, { idempotencyKey: input.idempotencyKey }),
      );
      return refundFromStripe(refund);
    },

    async get(paymentId: string): Promise<Payment> {
      return paymentFromIntent(await retrieve(paymentId));
    },

    parseWebhook(rawBody: string | Buffer, headers: WebhookHeaders): PaymentEvent {
      const signature = headerValue(headers, 'stripe-signature');
      if (signature === undefined) throw new WebhookSignatureError('missing stripe-signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          options.webhookSecret,
          undefined,
          undefined,
          clock.now(),
        );
      } catch {
        throw new WebhookSignatureError('signature does not match the body or is too old');
      }
      const object = event.data.object as { object?: string; id?: string; payment_intent?: unknown };
      const isIntent = object.object === 'payment_intent';
      const paymentId = isIntent
        ? (object.id ?? '')
        : typeof object.payment_intent === 'string'
          ? object.payment_intent
          : (object.id ?? '');
      return {
        id: event.id,
        type: eventTypeOf(event.type),
        providerType: event.type,
        paymentId,
        payment: isIntent ? paymentFromIntent(event.data.object as Stripe.PaymentIntent) : null,
        occurredAt: event.created * 1000,
      };
    },
  };
}
