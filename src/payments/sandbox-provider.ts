/**
 * The default payment provider: a card processor's test mode that lives in Aisle's own
 * database. Payments, refunds and events are rows, so they survive a restart, and every state
 * change is a conditional UPDATE, so two concurrent captures cannot both win.
 */
import {
  type Clock,
  ConflictError,
  NotFoundError,
  newId,
  systemClock,
  ValidationError,
} from '../core/index.js';
import type { Store, Tx } from '../store/index.js';
import type { PaymentsTable } from '../store/schema/payments.js';
import { runIdempotent } from './idempotency.js';
import { sandboxPaymentMethod } from './sandbox-payment-methods.js';
import type {
  AmountInput,
  DeclineReason,
  Payment,
  PaymentEvent,
  PaymentEventType,
  PaymentKeyInput,
  PaymentProvider,
  Refund,
  WebhookHeaders,
} from './types.js';
import { assertPositiveAmount, validateAuthorizeInput } from './validate-input.js';
import { SIGNATURE_HEADER, signatureHeader, verifySignature } from './webhook-signature.js';

export interface SandboxProviderOptions {
  readonly store: Store;
  /** Signs the sandbox's webhooks; the receiver verifies with the same secret. */
  readonly webhookSecret: string;
  readonly clock?: Clock;
  /** Where the shopper completes a 3-D Secure challenge; the challenge id is appended. */
  readonly challengeUrlBase?: string;
}

export interface WebhookDelivery {
  readonly rawBody: string;
  readonly headers: Record<string, string>;
}

export interface SandboxProvider extends PaymentProvider {
  readonly name: 'sandbox';
  /** What the shopper does on the challenge page: pass or fail 3-D Secure. */
  completeChallenge(challengeId: string, outcome: 'approve' | 'fail'): Promise<void>;
  /** The payment a challenge belongs to and how the shopper answered it (null: not yet); null when unknown. */
  findChallenge(
    challengeId: string,
  ): Promise<{ payment: Payment; outcome: 'approved' | 'failed' | null } | null>;
  /** Events oldest first; `paymentId` narrows to one payment. */
  listEvents(options?: { paymentId?: string; limit?: number }): Promise<PaymentEvent[]>;
  /** The signed request the sandbox would send for `event`. */
  webhookFor(event: PaymentEvent): WebhookDelivery;
}

const SCOPE = 'sandbox';

export function createSandboxProvider(options: SandboxProviderOptions): SandboxProvider {
  const { store, webhookSecret } = options;
  const clock = options.clock ?? systemClock;
  const challengeUrlBase = options.challengeUrlBase ?? '/payments/sandbox/challenges/';
  if (webhookSecret.length < 16) {
    throw new ValidationError(
      'the sandbox webhook secret must be at least 16 characters',
      {},
      'invalid_webhook_secret',
    );
  }

  function toPayment(row: PaymentsTable): Payment {
    const money = (amount: number) => ({ amount, currency: row.currency });
    return {
      id: row.id,
      provider: 'sandbox',
      status: row.status,
      amount: money(row.amount),
      capturedAmount: money(row.captured_amount),
      refundedAmount: money(row.refunded_amount),
      paymentMethod: sandboxPaymentMethod(row.payment_method).summary,
      declineReason: row.decline_reason as DeclineReason | null,
      nextAction:
        row.status === 'requires_action' && row.challenge_id !== null
          ? {
              type: 'three_d_secure',
              challengeId: row.challenge_id,
              url: `${challengeUrlBase}${row.challenge_id}`,
              clientSecret: null,
            }
          : null,
      metadata: JSON.parse(row.metadata) as Record<string, string>,
      createdAt: row.created_at,
    };
  }

  async function load(executor: Store['db'] | Tx, paymentId: string): Promise<PaymentsTable> {
    const row = await executor
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', paymentId)
      .executeTakeFirst();
    if (row === undefined) throw new NotFoundError('payment', paymentId, 'payment_not_found');
    return row;
  }

  /** Appends the event; called after the payment row was updated, whose lock orders the sequence. */
  async function recordEvent(trx: Tx, type: PaymentEventType, payment: Payment): Promise<void> {
    const last = await trx
      .selectFrom('payment_events')
      .select((eb) => eb.fn.max('sequence').as('sequence'))
      .where('payment_id', '=', payment.id)
      .executeTakeFirst();
    const now = clock.now();
    await trx
      .insertInto('payment_events')
      .values({
        id: newId('evt', now),
        payment_id: payment.id,
        sequence: Number(last?.sequence ?? 0) + 1,
        type,
        data: JSON.stringify(payment),
        created_at: now,
      })
      .execute();
  }

  /** Reloads the row after a change, records the event and returns the payment. */
  async function changed(trx: Tx, paymentId: string, type: PaymentEventType): Promise<Payment> {
    const payment = toPayment(await load(trx, paymentId));
    await recordEvent(trx, type, payment);
    return payment;
  }

  function invalidState(code: string, action: string, row: PaymentsTable): ConflictError {
    return new ConflictError(code, `cannot ${action} a payment that is ${row.status}`, {
      paymentId: row.id,
      status: row.status,
    });
  }

  return {
    name: 'sandbox',

    async authorize(input) {
      const valid = validateAuthorizeInput(input);
      const method = sandboxPaymentMethod(valid.paymentMethod);
      const parameters = {
        amount: valid.amount,
        paymentMethod: valid.paymentMethod,
        metadata: valid.metadata,
      };
      return runIdempotent(
        store,
        { scope: SCOPE, key: valid.idempotencyKey, operation: 'authorize', parameters },
        clock,
        async (trx) => {
          const now = clock.now();
          const id = newId('pay', now);
          const outcome = method.outcome;
          const status =
            outcome.type === 'approve'
              ? 'authorized'
              : outcome.type === 'decline'
                ? 'declined'
                : 'requires_action';
          await trx
            .insertInto('payments')
            .values({
              id,
              status,
              currency: valid.amount.currency,
              amount: valid.amount.amount,
              captured_amount: 0,
              refunded_amount: 0,
              payment_method: valid.paymentMethod,
              decline_reason: outcome.type === 'decline' ? outcome.reason : null,
              challenge_id: outcome.type === 'challenge' ? newId('tds', now) : null,
              challenge_outcome: null,
              metadata: JSON.stringify(valid.metadata),
              created_at: now,
              updated_at: now,
            })
            .execute();
          return changed(trx, id, `payment.${status}`);
        },
      );
    },

    async findChallenge(challengeId) {
      const row = await store.db
        .selectFrom('payments')
        .selectAll()
        .where('challenge_id', '=', challengeId)
        .executeTakeFirst();
      if (row === undefined) return null;
      const outcome =
        row.challenge_outcome === null ? null : row.challenge_outcome === 'approved' ? 'approved' : 'failed';
      return { payment: toPayment(row), outcome };
    },

    async completeChallenge(challengeId, outcome) {
      const result = await store.db
        .updateTable('payments')
        .set({ challenge_outcome: outcome === 'approve' ? 'approved' : 'failed', updated_at: clock.now() })
        .where('challenge_id', '=', challengeId)
        .where('status', '=', 'requires_action')
        .where('challenge_outcome', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return;
      const row = await store.db
        .selectFrom('payments')
        .select('id')
        .where('challenge_id', '=', challengeId)
        .executeTakeFirst();
      if (row === undefined) throw new NotFoundError('challenge', challengeId, 'challenge_not_found');
      throw new ConflictError(
        'challenge_already_completed',
        'this 3-D Secure challenge was already completed',
        {
          challengeId,
        },
      );
    },

    async confirmAction(input: PaymentKeyInput) {
      const operation = {
        scope: SCOPE,
        key: input.idempotencyKey,
        operation: 'confirm_action',
        parameters: { paymentId: input.paymentId },
      };
      return runIdempotent(store, operation, clock, async (trx) => {
        const row = await load(trx, input.paymentId);
        if (row.status !== 'requires_action')
          throw invalidState('payment_not_awaiting_action', 'confirm', row);
        if (row.challenge_outcome === null) {
          throw new ConflictError(
            'action_not_completed',
            'the shopper has not completed the 3-D Secure challenge yet',
            {
              paymentId: row.id,
            },
          );
        }
        const approved = row.challenge_outcome === 'approved';
        const result = await trx
          .updateTable('payments')
          .set({
            status: approved ? 'authorized' : 'declined',
            decline_reason: approved ? null : 'authentication_failed',
            updated_at: clock.now(),
          })
          .where('id', '=', row.id)
          .where('status', '=', 'requires_action')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          throw invalidState('payment_not_awaiting_action', 'confirm', row);
        return changed(trx, row.id, approved ? 'payment.authorized' : 'payment.declined');
      });
    },

    async capture(input: AmountInput) {
      if (input.amount !== undefined) assertPositiveAmount(input.amount);
      const parameters = { paymentId: input.paymentId, amount: input.amount };
      return runIdempotent(
        store,
        { scope: SCOPE, key: input.idempotencyKey, operation: 'capture', parameters },
        clock,
        async (trx) => {
          const row = await load(trx, input.paymentId);
          const amount = input.amount ?? row.amount;
          if (amount > row.amount) {
            throw new ConflictError('capture_exceeds_authorized', 'cannot capture more than was authorized', {
              paymentId: row.id,
              authorized: row.amount,
              requested: amount,
            });
          }
          const result = await trx
            .updateTable('payments')
            .set({ status: 'captured', captured_amount: amount, updated_at: clock.now() })
            .where('id', '=', row.id)
            .where('status', '=', 'authorized')
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1)
            throw invalidState('payment_not_capturable', 'capture', await load(trx, row.id));
          return changed(trx, row.id, 'payment.captured');
        },
      );
    },

    async void(input: PaymentKeyInput) {
      const parameters = { paymentId: input.paymentId };
      return runIdempotent(
        store,
        { scope: SCOPE, key: input.idempotencyKey, operation: 'void', parameters },
        clock,
        async (trx) => {
          const result = await trx
            .updateTable('payments')
            .set({ status: 'voided', updated_at: clock.now() })
            .where('id', '=', input.paymentId)
            .where('status', 'in', ['authorized', 'requires_action'])
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw invalidState('payment_not_voidable', 'void', await load(trx, input.paymentId));
          }
          return changed(trx, input.paymentId, 'payment.voided');
        },
      );
    },

    async refund(input: AmountInput): Promise<Refund> {
      if (input.amount !== undefined) assertPositiveAmount(input.amount);
      const parameters = { paymentId: input.paymentId, amount: input.amount };
      return runIdempotent(
        store,
        { scope: SCOPE, key: input.idempotencyKey, operation: 'refund', parameters },
        clock,
        async (trx) => {
          const row = await load(trx, input.paymentId);
          if (row.status !== 'captured' && row.status !== 'refunded') {
            throw invalidState('payment_not_refundable', 'refund', row);
          }
          const amount = input.amount ?? row.captured_amount - row.refunded_amount;
          const now = clock.now();
          const result = await trx
            .updateTable('payments')
            .set((eb) => ({ refunded_amount: eb('refunded_amount', '+', amount), updated_at: now }))
            .where('id', '=', row.id)
            .where('status', '=', 'captured')
            .where((eb) => eb(eb('refunded_amount', '+', amount), '<=', eb.ref('captured_amount')))
            .executeTakeFirst();
          if (amount <= 0 || Number(result.numUpdatedRows) !== 1) {
            throw new ConflictError(
              'refund_exceeds_captured',
              'cannot refund more than was captured and not yet refunded',
              {
                paymentId: row.id,
                refundable: row.captured_amount - row.refunded_amount,
                requested: amount,
              },
            );
          }
          await trx
            .updateTable('payments')
            .set({ status: 'refunded' })
            .where('id', '=', row.id)
            .whereRef('refunded_amount', '=', 'captured_amount')
            .execute();
          const refund: Refund = {
            id: newId('re', now),
            paymentId: row.id,
            amount: { amount, currency: row.currency },
            status: 'succeeded',
            createdAt: now,
          };
          await trx
            .insertInto('payment_refunds')
            .values({ id: refund.id, payment_id: row.id, amount, created_at: now })
            .execute();
          await changed(trx, row.id, 'payment.refunded');
          return refund;
        },
      );
    },

    async get(paymentId) {
      return toPayment(await load(store.db, paymentId));
    },

    async listEvents(listOptions = {}) {
      let query = store.db
        .selectFrom('payment_events')
        .selectAll()
        .orderBy('created_at')
        .orderBy('payment_id')
        .orderBy('sequence')
        .limit(listOptions.limit ?? 100);
      if (listOptions.paymentId !== undefined) query = query.where('payment_id', '=', listOptions.paymentId);
      const rows = await query.execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type as PaymentEventType,
        providerType: row.type,
        paymentId: row.payment_id,
        payment: JSON.parse(row.data) as Payment,
        occurredAt: row.created_at,
      }));
    },

    webhookFor(event) {
      const rawBody = JSON.stringify(event);
      return {
        rawBody,
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(webhookSecret, rawBody, clock),
        },
      };
    },

    parseWebhook(rawBody: string | Buffer, headers: WebhookHeaders): PaymentEvent {
      const body = verifySignature(webhookSecret, rawBody, headers, clock);
      return JSON.parse(body) as PaymentEvent;
    },
  };
}
