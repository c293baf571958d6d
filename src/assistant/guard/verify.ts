/**
 * The grounding guard: every claim of a draft reply checked against the facts, then the draft
 * repaired where one fact says what it should have said, trimmed of sentences that promise what
 * no fact backs, or given up on (`fallback`) so the caller sends the template reply instead.
 */
import type { Fact, FactSet } from '../facts/index.js';
import { type CheckedClaim, type ClaimStatus, checkClaim, productsIn } from './check-claims.js';
import type { Claim } from './claims.js';
import { extractClaims } from './extract-claims.js';
import { indexFacts } from './fact-index.js';

export interface VerifyOptions {
  /** The reply's locale ('en', 'zh-TW'): corrections are written in it. */
  readonly locale: string;
  /** The store's currency: what "$" and 元 mean. */
  readonly currency: string;
  /** The store's local date (YYYY-MM-DD), for "tomorrow" and weekdays. */
  readonly today?: string;
  /**
   * What the shopper wrote this turn: its numbers may be repeated as a budget, a range or in a
   * refusal, never stated as the store's price, total or discount.
   */
  readonly shopperText?: string;
}

export type InterventionAction = 'replace' | 'remove-sentence' | 'fallback';

export interface Intervention {
  readonly claim: Claim;
  readonly status: Exclude<ClaimStatus, 'supported'>;
  readonly reason: string;
  readonly action: InterventionAction;
  readonly replacement?: string;
}

export interface ClaimVerdict {
  readonly claim: Claim;
  readonly status: ClaimStatus;
  readonly reason: string;
  readonly fact?: Fact;
}

export interface Verification {
  /** True when every claim is supported: the draft may go out as written. */
  readonly ok: boolean;
  readonly claims: readonly ClaimVerdict[];
  /** The draft with corrections applied and unsupported sentences removed; absent when nothing changed or on fallback. */
  readonly repaired?: string;
  /** True when the draft cannot be repaired: send the template reply instead. */
  readonly fallback: boolean;
  readonly interventions: readonly Intervention[];
}

const SHOPPER_NUMBER = /\d+(?:\.\d+)?/g;

function numbersOf(text: string | undefined): Set<number> {
  const numbers = new Set<number>();
  if (text === undefined) return numbers;
  for (const m of text.replace(/(\d),(?=\d{3})/g, '$1').matchAll(SHOPPER_NUMBER)) numbers.add(Number(m[0]));
  return numbers;
}

function verdictOf(checked: CheckedClaim): ClaimVerdict {
  const { claim, status, reason, fact } = checked;
  return fact === undefined ? { claim, status, reason } : { claim, status, reason, fact };
}

/** Whether `facts` back every claim of `draft`; with the repaired draft, or a fallback signal. */
export function verify(draft: string, facts: FactSet, options: VerifyOptions): Verification {
  const index = indexFacts(facts);
  const extractOptions =
    options.today === undefined
      ? { currency: options.currency }
      : { currency: options.currency, today: options.today };
  const { sentences, claims } = extractClaims(draft, index, extractOptions);
  const context = {
    index,
    sentences,
    locale: options.locale,
    shopperNumbers: numbersOf(options.shopperText),
    draftProducts: productsIn(draft, index),
  };
  const checked = claims.map((claim) => checkClaim(claim, context));
  const verdicts = checked.map(verdictOf);
  const failed = checked.filter((c) => c.status !== 'supported');
  if (failed.length === 0) return { ok: true, claims: verdicts, fallback: false, interventions: [] };

  const interventions: Intervention[] = [];
  const removed = new Set<number>();
  for (const c of failed) {
    if (c.status === 'unsupported' || (c.claim.type === 'code' && c.correction === undefined))
      removed.add(c.claim.sentence);
  }
  let fallback = false;
  for (const c of failed) {
    const status = c.status as Exclude<ClaimStatus, 'supported'>;
    const base = { claim: c.claim, status, reason: c.reason };
    if (removed.has(c.claim.sentence)) interventions.push({ ...base, action: 'remove-sentence' });
    else if (c.correction !== undefined)
      interventions.push({ ...base, action: 'replace', replacement: c.correction });
    else {
      interventions.push({ ...base, action: 'fallback' });
      fallback = true;
    }
  }
  const kept = sentences.filter((_, i) => !removed.has(i));
  if (kept.length === 0) fallback = true;
  if (fallback) return { ok: false, claims: verdicts, fallback: true, interventions };

  const replacements = interventions
    .filter((i) => i.action === 'replace')
    .sort((a, b) => b.claim.start - a.claim.start);
  let text = draft;
  for (const r of replacements)
    text = text.slice(0, r.claim.start) + (r.replacement ?? '') + text.slice(r.claim.end);
  // Sentences are cut from the end so earlier offsets stay valid; replacements already ran from the end too.
  const shift = (offset: number) =>
    replacements
      .filter((r) => r.claim.end <= offset)
      .reduce((sum, r) => sum + (r.replacement ?? '').length - (r.claim.end - r.claim.start), 0);
  for (const i of [...removed].sort((a, b) => b - a)) {
    const sentence = sentences[i];
    if (sentence === undefined) continue;
    text =
      text.slice(0, sentence.start + shift(sentence.start)) + text.slice(sentence.end + shift(sentence.end));
  }
  return {
    ok: false,
    claims: verdicts,
    repaired: text.replace(/[ \t]{2,}/g, ' ').trim(),
    fallback: false,
    interventions,
  };
}
