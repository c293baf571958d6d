/**
 * assistant/evaluation — the conversation evaluation Aisle ships: scenario files (a shopper's
 * turns, the simulated shopper's answers, the widget's payments, expectations on the end state),
 * a runner that plays each on a fresh demo store k times, audits every trial for claims the facts
 * do not back, discounts the promotions did not give and another shopper's data, and reports the
 * success rate and pass^k.
 */
export {
  auditCart,
  auditOrder,
  ordersTouchedSince,
  type PromotionBook,
  promotionBook,
} from './audit-discounts.js';
export { auditPrivacy, type OtherShoppers, readShopperData } from './audit-privacy.js';
export { auditReplies, type ReplyAuditOptions } from './audit-replies.js';
export {
  createDemoStoreTemplate,
  DEMO_SEEDED_AT,
  type DemoStoreTemplate,
  type TrialStore,
  type TrialStoreOptions,
} from './demo-store-template.js';
export { formatReport, formatTranscript, reportJson } from './format-report.js';
export { type EvaluationSummary, passHatK, summarize } from './pass-k.js';
export { type Evaluation, type EvaluationOptions, runEvaluation } from './run-evaluation.js';
export { runTrial, type TrialOptions } from './run-trial.js';
export {
  isPayStep,
  type ModelScript,
  parseScenarioFile,
  type SayStep,
  type Scenario,
  type ScenarioStep,
  scenarioFileSchema,
  scenarioSchema,
} from './scenario.js';
export { answerFor } from './simulated-shopper.js';
export type * from './types.js';
