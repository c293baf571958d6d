/**
 * Which language model to use, read from the environment. `AISLE_LLM` unset or `rules` means
 * no model at all: the offline rules brain answers every turn.
 */
import { z } from 'zod';
import { ValidationError } from '../../core/index.js';
import type { TokenPricing } from './types.js';

export const LLM_PROVIDERS = ['openai-compatible', 'openai', 'anthropic'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

export type LlmConfig = {
  readonly provider: LlmProvider;
  /** Required for `openai-compatible`; overrides the official endpoint for the others. */
  readonly baseUrl?: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxSteps: number;
  /** What the provider charges, when the merchant wants turn costs reported. */
  readonly pricing?: TokenPricing;
};

export const LLM_DEFAULTS = { timeoutMs: 20_000, maxRetries: 2, maxSteps: 5 } as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const MICROS_PER_UNIT = 1_000_000;

/** "0.15" (a price per million tokens) as 150_000 micros, without floating point. */
const pricePerMillionTokens = (name: string) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}(\.\d{1,6})?$/, `${name} must be a decimal price per million tokens, such as 0.15`)
      .transform((text) => {
        const [whole = '0', fraction = ''] = text.split('.');
        return Number(whole) * MICROS_PER_UNIT + Number(fraction.padEnd(6, '0'));
      })
      .optional(),
  );

const schema = z.object({
  AISLE_LLM: z
    .enum(['rules', ...LLM_PROVIDERS], {
      error: `AISLE_LLM must be one of rules, ${LLM_PROVIDERS.join(', ')}`,
    })
    .default('rules'),
  AISLE_LLM_BASE_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'AISLE_LLM_BASE_URL must be an http(s) URL' }).optional(),
  ),
  AISLE_LLM_MODEL: optionalText,
  AISLE_LLM_API_KEY: optionalText,
  AISLE_LLM_TIMEOUT_MS: z.coerce
    .number({ error: 'AISLE_LLM_TIMEOUT_MS must be a whole number of milliseconds' })
    .int()
    .min(100)
    .max(600_000)
    .default(LLM_DEFAULTS.timeoutMs),
  AISLE_LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(LLM_DEFAULTS.maxRetries),
  AISLE_LLM_MAX_STEPS: z.coerce.number().int().min(1).max(20).default(LLM_DEFAULTS.maxSteps),
  AISLE_LLM_PRICE_INPUT: pricePerMillionTokens('AISLE_LLM_PRICE_INPUT'),
  AISLE_LLM_PRICE_OUTPUT: pricePerMillionTokens('AISLE_LLM_PRICE_OUTPUT'),
});

function invalid(message: string, issues?: string[]): ValidationError {
  return new ValidationError(
    `bad LLM configuration: ${message}`,
    issues === undefined ? undefined : { issues },
    'invalid_config',
  );
}

/** Returns `undefined` when the rules brain is chosen (the default). */
export function llmConfigFromEnv(env: Readonly<Record<string, string | undefined>>): LlmConfig | undefined {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw invalid(issues.join('; '), issues);
  }
  const values = parsed.data;
  if (values.AISLE_LLM === 'rules') return undefined;
  const provider = values.AISLE_LLM;
  if (values.AISLE_LLM_MODEL === undefined) {
    throw invalid(`AISLE_LLM=${provider} needs AISLE_LLM_MODEL (the model id the provider knows)`);
  }
  if (provider === 'openai-compatible' && values.AISLE_LLM_BASE_URL === undefined) {
    throw invalid(
      'AISLE_LLM=openai-compatible needs AISLE_LLM_BASE_URL (for example http://127.0.0.1:11434/v1 for Ollama)',
    );
  }
  if (provider !== 'openai-compatible' && values.AISLE_LLM_API_KEY === undefined) {
    throw invalid(`AISLE_LLM=${provider} needs AISLE_LLM_API_KEY`);
  }
  const inputPrice = values.AISLE_LLM_PRICE_INPUT;
  const outputPrice = values.AISLE_LLM_PRICE_OUTPUT;
  if ((inputPrice === undefined) !== (outputPrice === undefined)) {
    throw invalid('set both AISLE_LLM_PRICE_INPUT and AISLE_LLM_PRICE_OUTPUT, or neither');
  }
  return {
    provider,
    model: values.AISLE_LLM_MODEL,
    timeoutMs: values.AISLE_LLM_TIMEOUT_MS,
    maxRetries: values.AISLE_LLM_MAX_RETRIES,
    maxSteps: values.AISLE_LLM_MAX_STEPS,
    ...(values.AISLE_LLM_BASE_URL === undefined ? {} : { baseUrl: values.AISLE_LLM_BASE_URL }),
    ...(values.AISLE_LLM_API_KEY === undefined ? {} : { apiKey: values.AISLE_LLM_API_KEY }),
    ...(inputPrice === undefined || outputPrice === undefined
      ? {}
      : { pricing: { inputMicrosPerMillionTokens: inputPrice, outputMicrosPerMillionTokens: outputPrice } }),
  };
}
