/** Which rules a dry run prices under: a whole draft rule set, drafts laid over the current rules, or those. */
import { loadRuleSet, type PromotionDocument, type RuleSet, type RuleSetDocument } from '../rules/index.js';

export function draftRuleSet(
  current: RuleSet,
  draft: RuleSetDocument | readonly PromotionDocument[] | undefined,
): RuleSet {
  if (draft === undefined) return current;
  if (!Array.isArray(draft)) return loadRuleSet(draft);
  const drafts = draft as readonly PromotionDocument[];
  const replaced = new Set(drafts.map((document) => document.id));
  return loadRuleSet({
    currency: current.currency,
    timeZone: current.timeZone,
    policies: current.policies,
    promotions: [
      ...current.promotions
        .filter((promotion) => !replaced.has(promotion.id))
        .map((promotion) => promotion.document),
      ...drafts,
    ],
  });
}
