/**
 * Documents are checked by the engine itself before they are stored, so what is stored always
 * loads; a refusal carries the engine's issues, with paths from the document's own root.
 */
import { loadPolicySet, loadRuleSet, type PromotionDocument, RuleValidationError } from '../rules/index.js';
import type { PolicySet } from './types.js';

const PROMOTION_ROOT = '$.promotions[0]';

export interface RuleSetFrame {
  readonly currency: string;
  readonly timeZone: string;
}

/** Validates and compiles one promotion; returns the document with the engine's defaults filled in. */
export function validatePromotion(document: unknown, frame: RuleSetFrame): PromotionDocument {
  try {
    const ruleSet = loadRuleSet({
      currency: frame.currency,
      timeZone: frame.timeZone,
      promotions: [document],
    });
    return ruleSet.promotions[0]!.document;
  } catch (error) {
    if (!(error instanceof RuleValidationError)) throw error;
    throw new RuleValidationError(
      error.issues.map((issue) => ({
        ...issue,
        path: issue.path.startsWith(PROMOTION_ROOT)
          ? `$${issue.path.slice(PROMOTION_ROOT.length)}`
          : issue.path,
      })),
    );
  }
}

export function validatePolicies(document: unknown): PolicySet {
  return loadPolicySet(document);
}
