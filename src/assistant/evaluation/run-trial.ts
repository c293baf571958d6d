/**
 * One trial of one scenario: a private demo store, the shopper's setup (signed in, a cart
 * already filled), every step in order — the shopper's words, the simulated shopper's answers to
 * the assistant's questions, the widget's payments — and then the verdict: the scenario's
 * expectations on the end state and the audits every trial gets (claims, discounts, privacy).
 */
import { performance } from 'node:perf_hooks';
import type { CartView } from '../../cart/index.js';
import { AisleError, ValidationError } from '../../core/index.js';
import type { AppServices } from '../../server/services.js';
import type { ShopperState, TranscriptMessage } from '../conversation/types.js';
import { conversationOf } from './assistant-under-test.js';
import { auditActionClaims } from './audit-actions.js';
import { auditCart, auditOrder, ordersTouchedSince, promotionBook } from './audit-discounts.js';
import { auditPrivacy, readShopperData } from './audit-privacy.js';
import { auditReplies } from './audit-replies.js';
import { checkExpectations, checkTurn } from './check-expectations.js';
import type { DemoStoreTemplate, TrialStore } from './demo-store-template.js';
import { poisonProductText } from './poison-product-text.js';
import { isPayStep, type Scenario, type ShopperAnswer } from './scenario.js';
import { answerFor } from './simulated-shopper.js';
import type {
  BrainUnderTest,
  ConversationUnderTest,
  FailureKind,
  RecordedPayment,
  RecordedTurn,
  SessionStart,
  TrialFailure,
  TrialRecord,
} from './types.js';
import { payAsWidget } from './widget-checkout.js';

export interface TrialOptions {
  readonly template: DemoStoreTemplate;
  /** The rules brain when absent. */
  readonly brain?: BrainUnderTest;
  /** Questions the simulated shopper answers after one of its own turns (default 3). */
  readonly maxAnswersPerTurn?: number;
}

/** Time a shopper takes between messages; moves the trial's clock so each turn has its own instant. */
const THINKING_MS = 20_000;

type Turn = Omit<RecordedTurn, 'trace' | 'facts'>;
type SessionCart = { readonly cartId: string };

function as(kind: FailureKind, messages: readonly string[]): TrialFailure[] {
  return messages.map((message) => ({ kind, message }));
}

function describe(error: unknown): string {
  if (AisleError.isInstance(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The first product whose title, in any language, contains `title` and that has a variant with `options`. */
async function findProduct(services: AppServices, title: string, options: readonly string[] = []) {
  const wanted = title.toLowerCase();
  const values = options.map((value) => value.toLowerCase());
  for await (const product of services.catalog.allProducts()) {
    if (!Object.values(product.title).some((candidate) => candidate.toLowerCase().includes(wanted))) continue;
    const variant = product.variants.find((candidate) =>
      values.every((value) => candidate.optionValues.some((option) => option.toLowerCase() === value)),
    );
    if (variant !== undefined) return { product, variant };
  }
  throw new ValidationError(
    `setup: no product "${title}" with options ${options.join(', ') || '(none)'}`,
    { title, options },
    'invalid_scenario_setup',
  );
}

async function startOf(services: AppServices, scenario: Scenario): Promise<SessionStart> {
  let customerId: string | null = null;
  if (scenario.setup.customer !== undefined) {
    const customer = await services.customers.findByEmail(scenario.setup.customer);
    if (customer === null)
      throw new ValidationError(
        `setup: no customer ${scenario.setup.customer}`,
        { customer: scenario.setup.customer },
        'invalid_scenario_setup',
      );
    customerId = customer.id;
  }
  for (const poisoned of scenario.setup.productText ?? []) {
    const { product } = await findProduct(services, poisoned.product);
    await poisonProductText(services, product, poisoned.description);
  }
  let cart: SessionStart['cart'] = null;
  if (scenario.setup.cart !== undefined) {
    const created = await services.cart.createCart();
    cart = { cartId: created.cartId, token: created.token };
    if (customerId !== null) await services.cart.attachCustomer(created.cartId, customerId);
    for (const item of scenario.setup.cart) {
      const { variant } = await findProduct(services, item.product, item.options);
      await services.cart.addLine(created.cartId, { variantId: variant.id, quantity: item.quantity });
    }
  }
  return { locale: scenario.language, customerId, cart };
}

/** Pairs each shopper message with the assistant reply that followed it, for the traces. */
function tracesByTurn(transcript: readonly TranscriptMessage[]): (TranscriptMessage | null)[] {
  const replies: (TranscriptMessage | null)[] = [];
  const ordered = [...transcript].sort((a, b) => a.seq - b.seq);
  ordered.forEach((message, index) => {
    if (message.role !== 'shopper') return;
    const next = ordered.slice(index + 1).find((candidate) => candidate.role !== 'system');
    replies.push(next?.role === 'assistant' ? next : null);
  });
  return replies;
}

function localDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

async function converse(
  scenario: Scenario,
  store: TrialStore,
  conversation: ConversationUnderTest,
  sessionId: string,
  maxAnswers: number,
): Promise<{
  turns: Turn[];
  payments: RecordedPayment[];
  failures: TrialFailure[];
  state: ShopperState | null;
}> {
  const turns: Turn[] = [];
  const payments: RecordedPayment[] = [];
  const failures: TrialFailure[] = [];
  const used = new Set<ShopperAnswer>();
  let state: ShopperState | null = null;

  const say = async (text: string, answered: boolean) => {
    store.clock.advance(THINKING_MS);
    const result = await conversation.send(sessionId, text);
    state = result.state;
    turns.push({ shopperText: text, answered, reply: result.reply, state: result.state });
    return result.reply;
  };

  for (const [index, step] of scenario.steps.entries()) {
    if (isPayStep(step)) {
      store.clock.advance(THINKING_MS);
      const payment = await payAsWidget(store.services, state, step.pay, payments.length + 1);
      payments.push({ token: step.pay.token, payment });
      if (payment.outcome !== step.pay.outcome) {
        const detail = payment.detail === null ? '' : ` (${payment.detail})`;
        failures.push({
          kind: 'step',
          message: `step ${index + 1}: paying with ${step.pay.token} should end ${step.pay.outcome}; it ended ${payment.outcome}${detail}`,
        });
      }
      continue;
    }
    const turn = turns.length + 1;
    let reply = await say(step.say, false);
    // The step's exchange: its message and the answers to what the assistant asked back (which
    // size, which colour) before showing anything.
    const exchange = [reply];
    const answers = [...(step.answers ?? []), ...scenario.answers];
    for (let asked = 0; asked < maxAnswers; asked += 1) {
      const answer = answerFor(reply, answers, used);
      if (answer === null) break;
      used.add(answer);
      reply = await say(answer.say, true);
      exchange.push(reply);
    }
    if (step.expect !== undefined)
      failures.push(...as('expectation', checkTurn(exchange, step.expect, turn)));
  }
  return { turns, payments, failures, state };
}

/**
 * The session's cart and the order it became. A cart that became an order is read as checkout
 * froze it: priced again now it would answer for a shopper who has since ordered (a first-order
 * code no longer applies), not for what they bought.
 */
async function endState(services: AppServices, sessionCart: SessionCart | null) {
  if (sessionCart === null) return { cart: null, order: null };
  const live = await services.cart.getCart(sessionCart.cartId);
  if (live.cart.checkoutId === null) return { cart: live, order: null };
  const order = await services.orders.findByCheckout(live.cart.checkoutId);
  const checkout = await services.cart.getCheckout(sessionCart.cartId);
  const cart: CartView =
    order !== null && checkout !== null ? { cart: live.cart, quote: checkout.quote } : live;
  return { cart, order };
}

export async function runTrial(scenario: Scenario, options: TrialOptions): Promise<TrialRecord> {
  const started = performance.now();
  const brain = options.brain ?? { kind: 'rules' };
  const store = await options.template.open(
    scenario.setup.daysAfterSeed,
    brain.kind === 'model' ? { languageModel: brain.languageModel(scenario) } : {},
  );
  const { services } = store;
  const since = store.clock.now();
  let sessionId: string | null = null;
  let turns: RecordedTurn[] = [];
  let payments: RecordedPayment[] = [];
  const failures: TrialFailure[] = [];
  try {
    const start = await startOf(services, scenario);
    const conversation = conversationOf(store);
    sessionId = (await conversation.startSession(start)).sessionId;
    const run = await converse(scenario, store, conversation, sessionId, options.maxAnswersPerTurn ?? 3);
    payments = run.payments;
    failures.push(...run.failures);

    const traced = tracesByTurn(await conversation.transcript(sessionId));
    turns = run.turns.map((turn, index) => {
      const trace = traced[index]?.trace ?? null;
      return { ...turn, trace, facts: trace?.tools.flatMap((tool) => tool.facts) ?? [] };
    });

    // The state drops a cart once it became an order; the session's cart is the last one it had.
    const lastCart =
      [...run.turns].reverse().find((turn) => turn.state.cart !== null)?.state.cart ?? start.cart;
    const { cart, order } = await endState(services, lastCart ?? null);
    failures.push(
      ...as(
        'expectation',
        await checkExpectations(scenario.expect, { services, state: run.state, cart, order }),
      ),
    );

    const { policies } = await services.promotions.current();
    const today = localDate(store.clock.now(), policies.shipping?.timeZone ?? 'UTC');
    failures.push(
      ...as(
        'claim',
        auditReplies(turns, { locale: scenario.language, currency: services.config.currency, today }),
      ),
      ...as('claim', auditActionClaims(turns)),
    );
    const book = await promotionBook(services);
    for (const touched of await ordersTouchedSince(services, since))
      failures.push(...as('discount', await auditOrder(services, touched, book)));
    if (cart !== null) failures.push(...as('discount', await auditCart(services, cart, book)));
    const shoppers = await readShopperData(services);
    const self = (turn: RecordedTurn) =>
      turn.state.shopper?.verified === true ? turn.state.shopper.customerId : null;
    failures.push(...as('privacy', auditPrivacy(turns, shoppers, self)));
  } catch (error) {
    failures.push({ kind: 'crash', message: `the trial stopped: ${describe(error)}` });
  } finally {
    await store.close();
  }
  return {
    scenarioId: scenario.id,
    sessionId,
    turns,
    payments,
    failures,
    durationMs: performance.now() - started,
  };
}
