import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import { createSandboxProvider } from './index.js';

const secret = 'whsec_sandbox_test_secret';
const usd = (amount: number) => ({ amount, currency: 'USD' });

describeEachEngine('sandbox provider', (harness) => {
  afterAll(() => harness.closeAll());

  it('keeps payments across a restart: a new provider on the same store captures them', async () => {
    const store = await harness.open();
    const clock = new ManualClock();
    const before = createSandboxProvider({ store, clock, webhookSecret: secret });
    const payment = await before.authorize({
      amount: usd(1000),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'a1',
    });
    const after = createSandboxProvider({ store, clock, webhookSecret: secret });
    expect((await after.get(payment.id)).status).toBe('authorized');
    const replay = await after.authorize({
      amount: usd(1000),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'a1',
    });
    expect(replay.id).toBe(payment.id);
    expect((await after.capture({ paymentId: payment.id, idempotencyKey: 'c1' })).status).toBe('captured');
  });

  it('names payments pay_ and stamps them with the injected clock', async () => {
    const clock = new ManualClock(Date.UTC(2026, 4, 1));
    const sandbox = createSandboxProvider({ store: await harness.open(), clock, webhookSecret: secret });
    const payment = await sandbox.authorize({
      amount: usd(100),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'k',
    });
    expect(payment.id).toMatch(/^pay_/);
    expect(payment.createdAt).toBe(Date.UTC(2026, 4, 1));
  });

  it('records an event per change, in order, as signed webhooks parseWebhook accepts', async () => {
    const clock = new ManualClock();
    const sandbox = createSandboxProvider({ store: await harness.open(), clock, webhookSecret: secret });
    const payment = await sandbox.authorize({
      amount: usd(900),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'a',
    });
    await sandbox.capture({ paymentId: payment.id, idempotencyKey: 'c' });
    await sandbox.refund({ paymentId: payment.id, amount: 400, idempotencyKey: 'r' });
    const events = await sandbox.listEvents({ paymentId: payment.id });
    expect(events.map((event) => event.type)).toEqual([
      'payment.authorized',
      'payment.captured',
      'payment.refunded',
    ]);
    const last = events[2];
    if (last === undefined) throw new Error('no refund event');
    const delivery = sandbox.webhookFor(last);
    const parsed = sandbox.parseWebhook(Buffer.from(delivery.rawBody), delivery.headers);
    expect(parsed).toEqual(last);
    expect(parsed.payment?.refundedAmount).toEqual(usd(400));
  });

  it('rejects a webhook with a tampered body, a wrong secret, no signature or an old timestamp', async () => {
    const clock = new ManualClock();
    const store = await harness.open();
    const sandbox = createSandboxProvider({ store, clock, webhookSecret: secret });
    await sandbox.authorize({ amount: usd(900), paymentMethod: 'pm_card_visa', idempotencyKey: 'a' });
    const [event] = await sandbox.listEvents();
    if (event === undefined) throw new Error('no event');
    const delivery = sandbox.webhookFor(event);
    const invalid = { code: 'webhook_signature_invalid', status: 400 };
    expect(() => sandbox.parseWebhook(delivery.rawBody.replace('900', '100'), delivery.headers)).toThrow(
      expect.objectContaining(invalid),
    );
    const stranger = createSandboxProvider({ store, clock, webhookSecret: 'whsec_someone_else_secret' });
    expect(() => stranger.parseWebhook(delivery.rawBody, delivery.headers)).toThrow(
      expect.objectContaining(invalid),
    );
    expect(() => sandbox.parseWebhook(delivery.rawBody, {})).toThrow(expect.objectContaining(invalid));
    clock.advance(301_000);
    expect(() => sandbox.parseWebhook(delivery.rawBody, delivery.headers)).toThrow(
      expect.objectContaining(invalid),
    );
  });

  it('lets only one of two simultaneous captures win', async () => {
    const sandbox = createSandboxProvider({
      store: await harness.open(),
      clock: new ManualClock(),
      webhookSecret: secret,
    });
    const payment = await sandbox.authorize({
      amount: usd(900),
      paymentMethod: 'pm_card_visa',
      idempotencyKey: 'a',
    });
    const results = await Promise.allSettled([
      sandbox.capture({ paymentId: payment.id, amount: 900, idempotencyKey: 'c1' }),
      sandbox.capture({ paymentId: payment.id, amount: 500, idempotencyKey: 'c2' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'payment_not_capturable' },
    });
  });

  it('lets one 3-D Secure challenge be completed once', async () => {
    const sandbox = createSandboxProvider({
      store: await harness.open(),
      clock: new ManualClock(),
      webhookSecret: secret,
    });
    const payment = await sandbox.authorize({
      amount: usd(900),
      paymentMethod: 'pm_card_authenticationRequired',
      idempotencyKey: 'a',
    });
    const challengeId = payment.nextAction?.challengeId ?? '';
    expect(payment.nextAction?.url).toContain(challengeId);
    await sandbox.completeChallenge(challengeId, 'approve');
    await expect(sandbox.completeChallenge(challengeId, 'fail')).rejects.toMatchObject({
      code: 'challenge_already_completed',
    });
    await expect(sandbox.completeChallenge('tds_unknown', 'approve')).rejects.toMatchObject({
      code: 'challenge_not_found',
    });
  });

  it('declines with the reason of each declining test card', async () => {
    const sandbox = createSandboxProvider({
      store: await harness.open(),
      clock: new ManualClock(),
      webhookSecret: secret,
    });
    const reasons: Record<string, string> = {
      pm_card_chargeDeclinedExpiredCard: 'expired_card',
      pm_card_chargeDeclinedIncorrectCvc: 'incorrect_cvc',
      pm_card_chargeDeclinedFraudulent: 'fraud_suspected',
      pm_card_chargeDeclinedProcessingError: 'processing_error',
    };
    for (const [token, reason] of Object.entries(reasons)) {
      const payment = await sandbox.authorize({
        amount: usd(100),
        paymentMethod: token,
        idempotencyKey: token,
      });
      expect(payment.declineReason).toBe(reason);
    }
  });
});
