/**
 * Loading a rule set: promotions plus policies for one currency. Everything that can be wrong
 * with a document is found here, at load time, and reported with JSON paths in one error.
 */
import { z } from 'zod';
import { assertCurrency, ValidationError } from '../core/index.js';
import type { ConditionIssue } from './conditions.js';
import { type PolicySet, type PolicySetDocument, policySetSchema } from './policy-schema.js';
import {
  compilePromotion,
  type Promotion,
  type PromotionDocument,
  promotionSchema,
} from './promotion-schema.js';

export interface RuleSetDocument {
  readonly currency: string;
  /** The store's zone for `time.hour` / `time.weekday` conditions. */
  readonly timeZone?: string;
  readonly promotions: readonly PromotionDocument[];
  readonly policies?: PolicySetDocument;
}

export interface RuleSet {
  readonly currency: string;
  readonly timeZone: string;
  readonly promotions: readonly Promotion[];
  readonly policies: PolicySet;
}

const ruleSetSchema = z.strictObject({
  currency: z.string(),
  timeZone: z.string().default('UTC'),
  promotions: z.array(promotionSchema),
  policies: policySetSchema.default({}),
});

/** A rule or policy document that cannot be loaded; `details.issues` lists every problem. */
export class RuleValidationError extends ValidationError {
  readonly issues: readonly ConditionIssue[];

  constructor(issues: readonly ConditionIssue[]) {
    const first = issues[0];
    super(
      `invalid rules: ${first ? `${first.path}: ${first.message}` : 'unknown problem'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { issues },
      'invalid_rules',
    );
    this.issues = issues;
  }
}

function zodIssues(error: z.ZodError): ConditionIssue[] {
  return error.issues.map((issue) => ({
    path: `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
    message: issue.message,
  }));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Validates and compiles a rule set document; throws `RuleValidationError` listing every issue. */
export function loadRuleSet(input: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) throw new RuleValidationError(zodIssues(parsed.error));
  const issues: ConditionIssue[] = [];
  let currency = parsed.data.currency;
  try {
    currency = assertCurrency(currency);
  } catch (error) {
    issues.push({ path: '$.currency', message: (error as Error).message });
  }
  for (const [path, zone] of [
    ['$.timeZone', parsed.data.timeZone],
    ['$.policies.shipping.timeZone', parsed.data.policies.shipping?.timeZone ?? 'UTC'],
  ] as const) {
    if (!isTimeZone(zone)) issues.push({ path, message: `unknown time zone "${zone}"` });
  }
  const seen = new Set<string>();
  const promotions = parsed.data.promotions.map((document, i) => {
    if (seen.has(document.id))
      issues.push({ path: `$.promotions[${i}].id`, message: `duplicate promotion id "${document.id}"` });
    seen.add(document.id);
    return compilePromotion(document, `$.promotions[${i}]`, issues);
  });
  if (issues.length > 0) throw new RuleValidationError(issues);
  return { currency, timeZone: parsed.data.timeZone, promotions, policies: parsed.data.policies };
}

/** Validates a policy set on its own (returns, transitions, shipping, tax). */
export function loadPolicySet(input: unknown): PolicySet {
  const parsed = policySetSchema.safeParse(input);
  if (!parsed.success) throw new RuleValidationError(zodIssues(parsed.error));
  const zone = parsed.data.shipping?.timeZone;
  if (zone !== undefined && !isTimeZone(zone)) {
    throw new RuleValidationError([{ path: '$.shipping.timeZone', message: `unknown time zone "${zone}"` }]);
  }
  return parsed.data;
}
