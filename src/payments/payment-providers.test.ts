/**
 * The provider contract: one suite, run against the sandbox on each engine and against the
 * Stripe adapter talking to a local server in Stripe's wire format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeStripeServer,
  startFakeStripeServer,
} from '../../test/fixtures/stripe/fake-stripe-server.js';
import { describeEachEngine } from '../../test/support/engines.js';
import { AisleError, ManualClock } from '../core/index.js';
import { createSandboxProvider } from './sandbox-provider.js';
import { createStripeProvider } from './stripe-provider.js';
import type { Payment, PaymentProvider } from './types.js';

interface ProviderUnderTest {
  readonly provider: PaymentProvider;
  /** Plays the shopper on the 3-D Secure page. */
  completeChallenge(payment: Payment, outcome: 'approve' | 'fail'): Promise<void>;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (AisleError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

let keyCounter = 0;
const key = () => `key-${++keyCounter}`;
const usd = (amount: number) => ({ amount, currency: 'USD' });

function providerContract(make: () => Promise<ProviderUnderTest>): void {
  let subject: ProviderUnderTest;
  beforeAll(async () => {
    subject = await make();
  });
  const authorize = (paymentMethod: string, amount = 2000, metadata: Record<string, string> = {}) =>
    subject.provider.authorize({ amount: usd(amount), paymentMethod, idempotencyKey: key(), metadata });

  it('authorizes a card without capturing it', async () => {
    const payment = await authorize('pm_card_visa', 2000, { cart: 'cart_1' });
    expect(payment).toMatchObject({
      status: 'authorized',
      amount: usd(2000),
      capturedAmount: usd(0),
      refundedAmount: usd(0),
      paymentMethod: { kind: 'card', brand: 'visa', last4: '4242' },
      declineReason: null,
      nextAction: null,
      metadata: { cart: 'cart_1' },
    });
    expect(await subject.provider.get(payment.id)).toMatchObject({ id: payment.id, status: 'authorized' });
  });

  it('authorizes a mastercard and a wallet', async () => {
    expect((await authorize('pm_card_mastercard')).paymentMethod).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
    });
    const wallet = await authorize('pm_wallet_paypal');
    expect(wallet.status).toBe('authorized');
    expect(wallet.paymentMethod).toMatchObject({ kind: 'wallet', brand: 'paypal' });
  });

  it('declines with the machine reason of the test card', async () => {
    expect(await authorize('pm_card_chargeDeclined')).toMatchObject({
      status: 'declined',
      declineReason: 'card_declined',
    });
    expect(await authorize('pm_card_insufficientFunds')).toMatchObject({
      status: 'declined',
      declineReason: 'insufficient_funds',
    });
  });

  it('asks for 3-D Secure and authorizes once the shopper passes it', async () => {
    const pending = await authorize('pm_card_authenticationRequired');
    expect(pending.status).toBe('requires_action');
    expect(pending.nextAction?.type).toBe('three_d_secure');
    expect(pending.nextAction?.challengeId).toBeTruthy();
    expect(
      await codeOf(subject.provider.confirmAction({ paymentId: pending.id, idempotencyKey: key() })),
    ).toBe('action_not_completed');
    await subject.completeChallenge(pending, 'approve');
    const confirmed = await subject.provider.confirmAction({ paymentId: pending.id, idempotencyKey: key() });
    expect(confirmed).toMatchObject({ status: 'authorized', nextAction: null });
  });

  it('declines as authentication_failed when the shopper fails 3-D Secure', async () => {
    const pending = await authorize('pm_card_authenticationRequired');
    await subject.completeChallenge(pending, 'fail');
    const confirmed = await subject.provider.confirmAction({ paymentId: pending.id, idempotencyKey: key() });
    expect(confirmed).toMatchObject({ status: 'declined', declineReason: 'authentication_failed' });
  });

  it('captures part, then refunds in parts up to what was captured and no further', async () => {
    const payment = await authorize('pm_card_visa', 5000);
    const captured = await subject.provider.capture({
      paymentId: payment.id,
      amount: 4000,
      idempotencyKey: key(),
    });
    expect(captured).toMatchObject({ status: 'captured', capturedAmount: usd(4000) });
    const first = await subject.provider.refund({
      paymentId: payment.id,
      amount: 1500,
      idempotencyKey: key(),
    });
    expect(first).toMatchObject({ paymentId: payment.id, amount: usd(1500), status: 'succeeded' });
    await subject.provider.refund({ paymentId: payment.id, amount: 1500, idempotencyKey: key() });
    expect(
      await codeOf(subject.provider.refund({ paymentId: payment.id, amount: 1001, idempotencyKey: key() })),
    ).toBe('refund_exceeds_captured');
    const rest = await subject.provider.refund({ paymentId: payment.id, idempotencyKey: key() });
    expect(rest.amount).toEqual(usd(1000));
    expect(await subject.provider.get(payment.id)).toMatchObject({
      status: 'refunded',
      refundedAmount: usd(4000),
    });
    expect(
      await codeOf(subject.provider.refund({ paymentId: payment.id, amount: 1, idempotencyKey: key() })),
    ).toBe('refund_exceeds_captured');
  });

  it('refuses to capture more than was authorized', async () => {
    const payment = await authorize('pm_card_visa', 1000);
    expect(
      await codeOf(subject.provider.capture({ paymentId: payment.id, amount: 1001, idempotencyKey: key() })),
    ).toBe('capture_exceeds_authorized');
  });

  it('voids an authorization, after which it cannot be captured', async () => {
    const payment = await authorize('pm_card_visa');
    expect(await subject.provider.void({ paymentId: payment.id, idempotencyKey: key() })).toMatchObject({
      status: 'voided',
    });
    expect(await codeOf(subject.provider.capture({ paymentId: payment.id, idempotencyKey: key() }))).toBe(
      'payment_not_capturable',
    );
  });

  it('refuses to void a captured payment or refund an uncaptured one', async () => {
    const payment = await authorize('pm_card_visa');
    expect(await codeOf(subject.provider.refund({ paymentId: payment.id, idempotencyKey: key() }))).toBe(
      'payment_not_refundable',
    );
    await subject.provider.capture({ paymentId: payment.id, idempotencyKey: key() });
    expect(await codeOf(subject.provider.void({ paymentId: payment.id, idempotencyKey: key() }))).toBe(
      'payment_not_voidable',
    );
  });

  it('returns the first result for a repeated key and refuses the key with other parameters', async () => {
    const idempotencyKey = key();
    const first = await subject.provider.authorize({
      amount: usd(700),
      paymentMethod: 'pm_card_visa',
      idempotencyKey,
    });
    const again = await subject.provider.authorize({
      amount: usd(700),
      paymentMethod: 'pm_card_visa',
      idempotencyKey,
    });
    expect(again.id).toBe(first.id);
    expect(
      await codeOf(
        subject.provider.authorize({ amount: usd(701), paymentMethod: 'pm_card_visa', idempotencyKey }),
      ),
    ).toBe('idempotency_key_reused');
    const captureKey = key();
    await subject.provider.capture({ paymentId: first.id, amount: 300, idempotencyKey: captureKey });
    const replay = await subject.provider.capture({
      paymentId: first.id,
      amount: 300,
      idempotencyKey: captureKey,
    });
    expect(replay.capturedAmount).toEqual(usd(300));
  });

  it('refuses an unknown payment method token', async () => {
    expect(await codeOf(authorize('pm_card_imaginary'))).toBe('unknown_payment_method');
  });

  it('refuses a card number in the token field without repeating it', async () => {
    const number = '4242 4242 4242 4242';
    let caught: unknown;
    try {
      await authorize(number);
    } catch (error) {
      caught = error;
    }
    expect(AisleError.isInstance(caught) && caught.code).toBe('raw_card_number_rejected');
    const text = JSON.stringify({
      message: (caught as Error).message,
      details: (caught as AisleError).details,
    });
    expect(text.replace(/\D/g, '')).not.toContain('4242424242424242');
    expect(text).not.toContain('4242 4242');
  });

  it('reports a payment that does not exist', async () => {
    expect(await codeOf(subject.provider.get('pay_missing'))).toBe('payment_not_found');
  });
}

describeEachEngine('sandbox provider contract', (harness) => {
  afterAll(() => harness.closeAll());
  providerContract(async () => {
    const store = await harness.open();
    const sandbox = createSandboxProvider({
      store,
      clock: new ManualClock(),
      webhookSecret: 'whsec_sandbox_contract_secret',
    });
    return {
      provider: sandbox,
      completeChallenge: (payment, outcome) =>
        sandbox.completeChallenge(payment.nextAction?.challengeId ?? '', outcome),
    };
  });
});

describe('stripe provider contract', () => {
  let server: FakeStripeServer;
  afterAll(() => server.close());
  providerContract(async () => {
    server = await startFakeStripeServer();
    const provider = createStripeProvider({
      secretKey: 'sk_test_fake',
      webhookSecret: 'whsec_fake',
      host: server.host,
      port: server.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    return {
      provider,
      completeChallenge: async (payment, outcome) => server.completeChallenge(payment.id, outcome),
    };
  });
});
