/**
 * The scenario file format: a shopper's conversation written out turn by turn, what the
 * simulated shopper answers when the assistant asks, what the widget does on its own (pay with a
 * test card), and what must be true at the end. Parsed with zod so a broken file fails with the
 * scenario and field that are wrong.
 */
import { z } from 'zod';
import { ValidationError } from '../../core/index.js';

const CARD_TYPES = ['products', 'cart', 'checkout', 'payment-challenge', 'confirmation', 'order'] as const;
const SESSION_STATUSES = ['assistant', 'waiting', 'staff', 'closed'] as const;
const ORDER_STATUSES = [
  'pending',
  'processed',
  'shipped',
  'delivered',
  'cancelled',
  'return_requested',
  'returned',
  'exchange_requested',
  'exchanged',
] as const;

const text = z.string().min(1).max(2000);
const minorUnits = z.number().int().nonnegative();

/**
 * A likely question and the simulated shopper's answer. It fires when the assistant's reply asks
 * something (a question mark, or a card of the named type) and mentions one of `asks`.
 */
const answerSchema = z
  .strictObject({
    asks: z.array(z.string().min(1).max(100)).min(1).optional(),
    card: z.enum(CARD_TYPES).optional(),
    say: text,
  })
  .refine((answer) => answer.asks !== undefined || answer.card !== undefined, {
    message: 'an answer needs `asks` (words of the question) or `card` (a card type that asks)',
  });

const guestFormSchema = z.strictObject({
  email: z.string().email().optional(),
  address: z
    .strictObject({
      name: z.string().min(1),
      line1: z.string().min(1),
      city: z.string().min(1),
      region: z.string().optional(),
      postalCode: z.string().min(1),
      country: z.string().length(2),
      phone: z.string().optional(),
    })
    .optional(),
  shippingOption: z.string().min(1).optional(),
});

/** What the chat widget does with the cart token from the state: checkout on the cart API. */
const payStepSchema = z.strictObject({
  pay: z.strictObject({
    token: z.string().min(1),
    /** How the shopper answers a 3-D Secure challenge, when the card asks for one. */
    challenge: z.enum(['approve', 'fail']).default('approve'),
    /** The checkout form; a guest's missing email and address get a test shopper's. */
    form: guestFormSchema.optional(),
    /** What the payment must end in; a different outcome fails the trial. */
    outcome: z.enum(['completed', 'declined', 'authentication_failed']).default('completed'),
  }),
});

const turnExpectationSchema = z.strictObject({
  /** Card types the reply must carry. */
  cards: z.array(z.enum(CARD_TYPES)).optional(),
  /** The reply (text or cards) must name a product whose title contains this. */
  mentionsProduct: z.string().min(1).optional(),
});

/**
 * What a scripted language model does on this turn when the scenario runs against one (the
 * red-team's hostile model): the tools it calls, then the words it drafts. `{{output}}` in the
 * words is replaced by what the tools answered, so a model that repeats everything it saw is
 * tested too. Ignored when the rules brain answers.
 */
const modelScriptSchema = z.strictObject({
  tools: z
    .array(z.strictObject({ name: z.string().min(1), input: z.record(z.string(), z.unknown()) }))
    .default([]),
  text: text,
});

const sayStepSchema = z.strictObject({
  say: text,
  answers: z.array(answerSchema).optional(),
  expect: turnExpectationSchema.optional(),
  model: modelScriptSchema.optional(),
});

const stepSchema = z.union([sayStepSchema, payStepSchema]);

const lineExpectationSchema = z.strictObject({
  /** Part of the product title, in either language. */
  title: z.string().min(1),
  quantity: z.number().int().positive().optional(),
  /** Option values the line's variant must have ("27", "Black"). */
  options: z.array(z.string().min(1)).optional(),
});

const expectationsSchema = z.strictObject({
  cart: z
    .strictObject({
      lines: z.array(lineExpectationSchema).optional(),
      /** No other lines than those listed. */
      only: z.boolean().optional(),
      empty: z.boolean().optional(),
    })
    .optional(),
  /** The order the session's cart became. */
  order: z
    .strictObject({
      placed: z.boolean(),
      status: z.enum(ORDER_STATUSES).optional(),
      /** What the payments took, in minor units, or "total": exactly the order's total. */
      charged: z.union([minorUnits, z.literal('total')]).optional(),
      /** The order's discount in minor units (0: none). */
      discount: minorUnits.optional(),
      lines: z.array(lineExpectationSchema).optional(),
    })
    .optional(),
  /** Existing orders (the shopper's history) after the conversation. */
  orders: z
    .array(
      z.strictObject({
        number: z.string().min(1),
        status: z.enum(ORDER_STATUSES).optional(),
        /** Sum of the order's open and completed request refunds, minor units. */
        refund: minorUnits.optional(),
      }),
    )
    .optional(),
  coupon: z.strictObject({ code: z.string().min(1), applied: z.boolean() }).optional(),
  session: z.strictObject({ status: z.enum(SESSION_STATUSES) }).optional(),
  shopper: z.strictObject({ identified: z.boolean(), email: z.string().email().optional() }).optional(),
});

const setupSchema = z.strictObject({
  /** Signed in on the host site: the session starts knowing who the shopper is. */
  customer: z.string().email().optional(),
  /** Items already in the cart when the conversation starts. */
  cart: z
    .array(
      z.strictObject({
        product: z.string().min(1),
        options: z.array(z.string().min(1)).default([]),
        quantity: z.number().int().positive().default(1),
      }),
    )
    .optional(),
  /**
   * Merchant text changed before the conversation, as a poisoned feed would: the words are added
   * to the product's description in each language given.
   */
  productText: z
    .array(
      z.strictObject({
        product: z.string().min(1),
        description: z.record(z.string().min(2), z.string().min(1).max(2000)),
      }),
    )
    .optional(),
  /** Days since the demo store was seeded (its orders were placed and delivered then). */
  daysAfterSeed: z.number().int().min(0).max(3650).default(1),
});

export const scenarioSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{2,80}$/, 'ids are lower-case words joined by hyphens')
    .min(3),
  language: z.enum(['en', 'zh-TW']),
  /** What a reader should know about the scenario. */
  description: z.string().min(1).max(500),
  tags: z.array(z.string().min(1)).default([]),
  setup: setupSchema.default({ daysAfterSeed: 1 }),
  /** Answers the simulated shopper gives at any turn. */
  answers: z.array(answerSchema).default([]),
  steps: z.array(stepSchema).min(1).max(40),
  expect: expectationsSchema.default({}),
});

export const scenarioFileSchema = z
  .strictObject({ scenarios: z.array(scenarioSchema).min(1) })
  .refine((file) => new Set(file.scenarios.map((scenario) => scenario.id)).size === file.scenarios.length, {
    message: 'scenario ids must be unique',
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];
export type SayStep = z.output<typeof sayStepSchema>;
export type PayStep = z.output<typeof payStepSchema>;
export type ShopperAnswer = z.output<typeof answerSchema>;
export type ScenarioExpectations = Scenario['expect'];
export type LineExpectation = z.output<typeof lineExpectationSchema>;
export type TurnExpectation = z.output<typeof turnExpectationSchema>;
export type ModelScript = z.output<typeof modelScriptSchema>;
export type GuestForm = z.output<typeof guestFormSchema>;

export function isPayStep(step: ScenarioStep): step is PayStep {
  return 'pay' in step;
}

/** Parses a scenario file's JSON; a broken one throws ValidationError naming the fields. */
export function parseScenarioFile(json: unknown, source = 'scenario file'): Scenario[] {
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    const shown =
      issues.slice(0, 5).join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
    throw new ValidationError(
      `${source} is not a valid scenario file: ${shown}`,
      { issues },
      'invalid_scenario_file',
    );
  }
  return parsed.data.scenarios;
}
