import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeStripeServer,
  startFakeStripeServer,
} from '../../test/fixtures/stripe/fake-stripe-server.js';
import { ManualClock } from '../core/index.js';
import { createStripeProvider } from './index.js';
import { declineReasonOf, eventTypeOf } from './stripe-mapping.js';
import { mapStripeError } from './stripe-provider.js';

const webhookSecret = 'whsec_test_fixture_secret';
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('stripe adapter on the wire', () => {
  let server: FakeStripeServer;
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  let provider: ReturnType<typeof createStripeProvider>;

  beforeAll(async () => {
    server = await startFakeStripeServer();
    provider = createStripeProvider({
      secretKey: 'sk_test_wire',
      webhookSecret,
      clock,
      host: server.host,
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
  });
  afterAll(() => server.close());

  const lastRequest = () => server.requests[server.requests.length - 1];

  it('authorizes with a form-encoded manual-capture PaymentIntent under our idempotency key', async () => {
    await provider.authorize({
      amount: usd(2500),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'order-1-authorize',
      metadata: { order: 'ord_1' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/payment_intents',
      idempotencyKey: 'order-1-authorize',
      authorization: 'Bearer sk_test_wire',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(request?.form).toMatchObject({
      amount: '2500',
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: 'true',
      metadata: { order: 'ord_1' },
      automatic_payment_methods: { enabled: 'true', allow_redirects: 'never' },
    });
  });

  it('sends capture amounts, cancels and refunds to their endpoints with their keys', async () => {
    const payment = await provider.authorize({
      amount: usd(3000),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'o2',
    });
    await provider.capture({ paymentId: payment.id, amount: 2000, idempotencyKey: 'o2-capture' });
    expect(lastRequest()).toMatchObject({
      path: `/v1/payment_intents/${payment.id}/capture`,
      idempotencyKey: 'o2-capture',
      form: { amount_to_capture: '2000' },
    });
    await provider.refund({ paymentId: payment.id, amount: 700, idempotencyKey: 'o2-refund' });
    expect(lastRequest()).toMatchObject({
      path: '/v1/refunds',
      idempotencyKey: 'o2-refund',
      form: { payment_intent: payment.id, amount: '700' },
    });
    const other = await provider.authorize({
      amount: usd(100),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'o3',
    });
    await provider.void({ paymentId: other.id, idempotencyKey: 'o3-void' });
    expect(lastRequest()).toMatchObject({
      path: `/v1/payment_intents/${other.id}/cancel`,
      idempotencyKey: 'o3-void',
    });
  });

  it('surfaces 3-D Secure with the redirect URL and client secret from next_action', async () => {
    const payment = await provider.authorize({
      amount: usd(100),
      paymentMethod: 'pm_card_authenticationRequired',
      idempotencyKey: 'o4',
    });
    expect(payment.nextAction).toEqual({
      type: 'three_d_secure',
      challengeId: payment.id,
      url: `https://hooks.stripe.test/3ds/${payment.id}`,
      clientSecret: `${payment.id}_secret_fake`,
    });
  });

  it('never sends a card number to Stripe', async () => {
    const before = server.requests.length;
    await expect(
      provider.authorize({ amount: usd(100), paymentMethod: '4242424242424242', idempotencyKey: 'o5' }),
    ).rejects.toMatchObject({ code: 'raw_card_number_rejected' });
    await expect(
      provider.authorize({
        amount: usd(100),
        paymentMethod: 'pm_card_visa',
        idempotencyKey: 'o6',
        metadata: { note: '4242 4242 4242 4242' },
      }),
    ).rejects.toMatchObject({ code: 'raw_card_number_rejected' });
    expect(server.requests.length).toBe(before);
  });

  it('accepts a webhook signed by Stripe and maps its type', () => {
    const intent = { ...fixtureIntent(), status: 'succeeded', amount_received: 2000 };
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: 1767225600,
      data: { object: intent },
    });
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(clock.now() / 1000),
    });
    const event = provider.parseWebhook(payload, { 'Stripe-Signature': header });
    expect(event).toMatchObject({
      id: 'evt_1',
      type: 'payment.captured',
      providerType: 'payment_intent.succeeded',
      paymentId: intent.id,
      payment: { status: 'captured', capturedAmount: usd(2000) },
    });
    expect(() =>
      provider.parseWebhook(payload.replace('2000', '20'), { 'stripe-signature': header }),
    ).toThrow(expect.objectContaining({ code: 'webhook_signature_invalid' }));
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: Math.floor(clock.now() / 1000) - 3600,
    });
    expect(() => provider.parseWebhook(payload, { 'stripe-signature': stale })).toThrow(
      expect.objectContaining({ code: 'webhook_signature_invalid' }),
    );
  });

  it('finds the payment of a refund webhook from its charge', () => {
    const payload = JSON.stringify({
      id: 'evt_2',
      object: 'event',
      type: 'charge.refunded',
      created: 1767225600,
      data: { object: { id: 'ch_1', object: 'charge', payment_intent: 'pi_9', amount_refunded: 500 } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: webhookSecret,
      timestamp: clock.now() / 1000,
    });
    expect(provider.parseWebhook(payload, { 'stripe-signature': header })).toMatchObject({
      type: 'payment.refunded',
      paymentId: 'pi_9',
      payment: null,
    });
  });
});

describe('stripe mapping', () => {
  it('prefers the issuer decline code, then the error code, and keeps lost or stolen cards generic', () => {
    expect(declineReasonOf('insufficient_funds', 'card_declined')).toBe('insufficient_funds');
    expect(declineReasonOf(undefined, 'expired_card')).toBe('expired_card');
    expect(declineReasonOf(null, 'incorrect_cvc')).toBe('incorrect_cvc');
    expect(declineReasonOf('fraudulent', 'card_declined')).toBe('fraud_suspected');
    expect(declineReasonOf('stolen_card', 'card_declined')).toBe('card_declined');
    expect(declineReasonOf(undefined, 'payment_intent_authentication_failure')).toBe('authentication_failed');
    expect(declineReasonOf('something_new', undefined)).toBe('card_declined');
  });

  it('names Stripe events in our vocabulary', () => {
    expect(eventTypeOf('payment_intent.amount_capturable_updated')).toBe('payment.authorized');
    expect(eventTypeOf('payment_intent.payment_failed')).toBe('payment.declined');
    expect(eventTypeOf('payment_intent.canceled')).toBe('payment.voided');
    expect(eventTypeOf('customer.created')).toBe('payment.other');
  });

  it('turns Stripe errors into typed errors without carrying Stripe text', () => {
    const error = (raw: Record<string, unknown>) => Stripe.errors.StripeError.generate(raw as never);
    expect(
      mapStripeError(error({ type: 'idempotency_error', message: 'Keys…' }), 'capture', {}),
    ).toMatchObject({
      code: 'idempotency_key_reused',
      status: 409,
    });
    expect(
      mapStripeError(
        error({ type: 'invalid_request_error', code: 'resource_missing', message: 'No such' }),
        'get',
        {
          paymentId: 'pi_1',
        },
      ),
    ).toMatchObject({ code: 'payment_not_found', status: 404 });
    expect(mapStripeError(error({ type: 'api_error', message: 'boom' }), 'capture', {})).toMatchObject({
      code: 'payment_provider_unavailable',
      status: 502,
    });
  });
});

function fixtureIntent(): Record<string, unknown> & { id: string } {
  return {
    id: 'pi_webhook',
    object: 'payment_intent',
    amount: 2000,
    amount_received: 0,
    currency: 'usd',
    created: 1767225600,
    metadata: {},
    next_action: null,
    payment_method: 'pm_1',
    latest_charge: null,
    last_payment_error: null,
    client_secret: null,
    status: 'requires_capture',
  };
}
