/**
 * Zod shapes of the conversation as the HTTP API shows it (shopper and staff routes): they document
 * the assistant's types in OpenAPI, and the serializer keeps to them, so a shopper's response can
 * never carry a field (such as a turn's trace) that the shopper schema does not name.
 */
import { z } from 'zod';
import { moneySchema } from './schemas.js';

export const sessionStatusSchema = z
  .enum(['assistant', 'waiting', 'staff', 'closed'])
  .describe('who answers: the assistant, nobody yet (queued for staff), a person, or no one');

export const handoffReasonSchema = z.enum([
  'shopper_asked',
  'repeated_failure',
  'frustration',
  'outside_policy',
  'high_value_cart',
  'tool_requested',
]);

// Cards keep every field the tools give them; the type names the shape (see docs/api.md).
const cardSchema = z
  .looseObject({
    type: z.string().describe('products | cart | checkout | payment-challenge | confirmation | order'),
  })
  .describe('What the screen draws besides the words; every figure on it comes from the commerce services');

const suggestionSchema = z.object({
  label: z.string().describe('shown on the chip'),
  text: z.string().describe('sent as the shopper’s message when tapped'),
});

// Arrays are read-only, as in the assistant's types, so its values need no copying to be answered.
const cards = z.array(cardSchema).readonly();
const suggestions = z.array(suggestionSchema).readonly();

export const replySchema = z.object({ text: z.string(), cards, suggestions });

export const shopperStateSchema = z.object({
  cart: z
    .object({
      cartId: z.string(),
      token: z.string().describe('the cart API’s X-Cart-Token, for checkout on /v1/carts'),
      itemCount: z.number(),
      total: moneySchema,
    })
    .nullable(),
  shopper: z
    .object({ customerId: z.string(), verified: z.boolean(), name: z.string().nullable() })
    .nullable(),
  status: sessionStatusSchema,
});

export const turnReplySchema = z.object({
  messageId: z.string(),
  reply: replySchema,
  state: shopperStateSchema,
});

const messageFields = {
  id: z.string(),
  seq: z.number(),
  role: z.enum(['shopper', 'assistant', 'staff', 'system']),
  text: z.string().describe('shopper text as stored: personal data replaced by vault tokens'),
  cards,
  suggestions,
  author: z.string().optional().describe('the staff member’s name, on staff messages'),
  createdAt: z.number().describe('epoch milliseconds'),
};

export const shopperMessageSchema = z.object(messageFields);

const traceSchema = z
  .object({
    brain: z.enum(['rules', 'llm', 'fallback']),
    route: z.string(),
    intent: z.string().nullable(),
    confidence: z.number().nullable(),
    tools: z
      .array(
        z.object({
          name: z.string(),
          input: z.unknown(),
          ok: z.boolean(),
          error: z.string().optional(),
          facts: z.array(z.unknown()).readonly(),
        }),
      )
      .readonly(),
    interventions: z
      .array(z.unknown())
      .readonly()
      .describe('grounding-guard interventions: the claim and the reason'),
    usage: z
      .object({ inputTokens: z.number(), outputTokens: z.number(), costMicros: z.number().optional() })
      .nullable(),
    latencyMs: z.number(),
  })
  .describe(
    'which brain answered, the tools it called with the facts they returned, and the guard’s interventions',
  );

export const staffMessageSchema = z.object({ ...messageFields, trace: traceSchema.optional() });

export const sessionSummarySchema = z.object({
  id: z.string(),
  status: sessionStatusSchema,
  locale: z.string(),
  channel: z.string(),
  customerId: z.string().nullable(),
  cartId: z.string().nullable(),
  handoffReason: handoffReasonSchema.nullable(),
  handoffNote: z.string().nullable().describe('what the shopper wanted, in a line'),
  handoffAt: z.number().nullable().describe('when it was queued for a person (epoch milliseconds)'),
  staffName: z.string().nullable().describe('the person who has the conversation'),
  messageCount: z.number(),
  lastMessageAt: z.number(),
  createdAt: z.number(),
});

export const messageTextSchema = z.object({ text: z.string().trim().min(1).max(2000) });

export const routingStatsSchema = z.object({
  turns: z.object({ rules: z.number(), llm: z.number(), fallback: z.number() }),
  rulesShare: z.number().describe('share of turns the rules brain served, 0..1'),
  llmTokens: z.object({ input: z.number(), output: z.number() }),
  tokensSaved: z.number().describe('rules-served turns × tokens per LLM turn'),
  tokensPerLlmTurn: z.object({ value: z.number(), basis: z.enum(['measured', 'estimate']) }),
});
