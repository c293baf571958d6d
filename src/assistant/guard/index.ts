/**
 * assistant/guard — the grounding guard. `verify(draft, facts, options)` reads every money amount,
 * percentage, stock count, code, delivery date, policy claim and claim that something was done
 * (cancelled, refunded, applied) of a drafted reply (English and Traditional Chinese), checks it
 * against the turn's and session's facts, and repairs the draft or tells the caller to fall back
 * to the template reply.
 */

export type { ClaimStatus } from './check-claims.js';
export type { Claim, ClaimType } from './claims.js';
export {
  type ClaimVerdict,
  type Intervention,
  type InterventionAction,
  type Verification,
  type VerifyOptions,
  verify,
} from './verify.js';
