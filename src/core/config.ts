/**
 * Configuration comes only from the environment variables documented in the README table.
 * Parsed once, with clear messages for bad values.
 */
import { z } from 'zod';
import { ValidationError } from './errors.js';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  AISLE_DB: z.string().min(1).default('sqlite:./data/aisle.db'),
  AISLE_PORT: port.default(3000),
  AISLE_HOST: z.string().min(1).default('127.0.0.1'),
  AISLE_ADMIN_KEY: z.string().min(8, 'AISLE_ADMIN_KEY must be at least 8 characters').optional(),
  AISLE_WIDGET_KEY: z.string().min(8, 'AISLE_WIDGET_KEY must be at least 8 characters').optional(),
  AISLE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AISLE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'AISLE_CURRENCY must be an ISO 4217 code such as TWD')
    .default('TWD'),
  AISLE_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  AISLE_LOW_STOCK: z.coerce.number().int().min(0).default(3),
  AISLE_HOLD_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  AISLE_SEARCH_SYNONYMS: z.string().optional(),
  AISLE_PAYMENTS: z.enum(['sandbox', 'stripe']).default('sandbox'),
  AISLE_STRIPE_SECRET_KEY: z.string().min(1).optional(),
  AISLE_STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  AISLE_SANDBOX_WEBHOOK_SECRET: z
    .string()
    .min(16, 'AISLE_SANDBOX_WEBHOOK_SECRET must be at least 16 characters')
    .optional(),
  AISLE_STORE_NAME: z.string().trim().min(1).max(80).default('our store'),
  AISLE_ASSISTANT_NAME: z.string().trim().min(1).max(40).default('Aisle'),
  AISLE_ROUTER_CONFIDENCE: z.coerce
    .number({ error: 'AISLE_ROUTER_CONFIDENCE must be a number from 0 to 1' })
    .min(0, 'AISLE_ROUTER_CONFIDENCE must be a number from 0 to 1')
    .max(1, 'AISLE_ROUTER_CONFIDENCE must be a number from 0 to 1')
    .default(0.8),
  AISLE_ROUTER_RULES_INTENTS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    )
    .optional(),
  AISLE_HANDOFF_CART_OVER: z.coerce
    .number({ error: 'AISLE_HANDOFF_CART_OVER must be a whole amount in minor units' })
    .int('AISLE_HANDOFF_CART_OVER must be a whole amount in minor units')
    .positive('AISLE_HANDOFF_CART_OVER must be a whole amount in minor units')
    .optional(),
  AISLE_CUSTOMER_TOKEN_SECRET: z
    .string()
    .min(16, 'AISLE_CUSTOMER_TOKEN_SECRET must be at least 16 characters')
    .optional(),
});

const LLM_VARIABLE = /^AISLE_LLM(_|$)/;

export type Config = {
  db: string;
  port: number;
  host: string;
  adminKey: string | undefined;
  /** When set, starting a shopper session needs it in X-Aisle-Store-Key (the widget's store key). */
  widgetKey: string | undefined;
  logLevel: z.infer<typeof schema>['AISLE_LOG_LEVEL'];
  currency: string;
  rateLimitPerMinute: number;
  lowStockThreshold: number;
  holdTtlSeconds: number;
  synonymsFile: string | undefined;
  payments:
    | { provider: 'sandbox'; webhookSecret: string }
    | { provider: 'stripe'; secretKey: string; webhookSecret: string };
  assistant: {
    storeName: string;
    assistantName: string;
    /** The rules brain answers a turn understood at least this confidently (0..1). */
    routerConfidence: number;
    /** Intents the rules brain serves; undefined for the assistant's default list. */
    rulesIntents: string[] | undefined;
    /** Cart total in minor units from which the conversation goes to staff. */
    handoffCartOver: number | undefined;
    customerTokenSecret: string | undefined;
    /** The AISLE_LLM* variables as given; the LLM module validates them (`llmConfigFromEnv`). */
    llm: Readonly<Record<string, string>>;
  };
};

// The sandbox is a test-mode processor inside Aisle; its signing key protects nothing real.
const SANDBOX_WEBHOOK_SECRET = 'aisle-sandbox-test-mode-signing';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ValidationError(`bad configuration: ${issues.join('; ')}`, { issues }, 'invalid_config');
  }
  const v = parsed.data;
  if (v.AISLE_PAYMENTS === 'stripe' && (!v.AISLE_STRIPE_SECRET_KEY || !v.AISLE_STRIPE_WEBHOOK_SECRET)) {
    throw new ValidationError(
      'bad configuration: AISLE_PAYMENTS=stripe needs AISLE_STRIPE_SECRET_KEY and AISLE_STRIPE_WEBHOOK_SECRET',
      undefined,
      'invalid_config',
    );
  }
  return {
    db: v.AISLE_DB,
    port: v.AISLE_PORT,
    host: v.AISLE_HOST,
    adminKey: v.AISLE_ADMIN_KEY,
    widgetKey: v.AISLE_WIDGET_KEY,
    logLevel: v.AISLE_LOG_LEVEL,
    currency: v.AISLE_CURRENCY,
    rateLimitPerMinute: v.AISLE_RATE_LIMIT,
    lowStockThreshold: v.AISLE_LOW_STOCK,
    holdTtlSeconds: v.AISLE_HOLD_TTL_SECONDS,
    synonymsFile: v.AISLE_SEARCH_SYNONYMS,
    payments:
      v.AISLE_PAYMENTS === 'stripe'
        ? {
            provider: 'stripe',
            secretKey: v.AISLE_STRIPE_SECRET_KEY!,
            webhookSecret: v.AISLE_STRIPE_WEBHOOK_SECRET!,
          }
        : { provider: 'sandbox', webhookSecret: v.AISLE_SANDBOX_WEBHOOK_SECRET ?? SANDBOX_WEBHOOK_SECRET },
    assistant: {
      storeName: v.AISLE_STORE_NAME,
      assistantName: v.AISLE_ASSISTANT_NAME,
      routerConfidence: v.AISLE_ROUTER_CONFIDENCE,
      rulesIntents: v.AISLE_ROUTER_RULES_INTENTS,
      handoffCartOver: v.AISLE_HANDOFF_CART_OVER,
      customerTokenSecret: v.AISLE_CUSTOMER_TOKEN_SECRET,
      llm: Object.fromEntries(
        Object.entries(env).filter(
          (entry): entry is [string, string] => LLM_VARIABLE.test(entry[0]) && entry[1] !== undefined,
        ),
      ),
    },
  };
}
