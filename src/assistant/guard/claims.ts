/** What a drafted reply asserts, one claim per span of its text. */
import type { Money } from '../../core/index.js';
import type { ActionKind } from './action-claims.js';

export type ClaimBody =
  | { readonly type: 'money'; readonly money: Money; readonly tolerance: number }
  | { readonly type: 'percent'; readonly percent: number; readonly form: 'percent' | 'zhe' }
  | { readonly type: 'stock-count'; readonly count: number }
  | { readonly type: 'availability'; readonly inStock: boolean }
  | { readonly type: 'code'; readonly code: string }
  | { readonly type: 'delivery-date'; readonly date: string; readonly by: boolean }
  | { readonly type: 'delivery-days'; readonly min: number; readonly max: number; readonly within: boolean }
  | { readonly type: 'return-days'; readonly days: number }
  | { readonly type: 'free-shipping'; readonly threshold: boolean }
  | { readonly type: 'free-returns' }
  | { readonly type: 'promise' }
  /** Something stated as done: cancelled, refunded, applied, added to the cart. */
  | { readonly type: 'action'; readonly action: ActionKind }
  | { readonly type: 'unknown-product'; readonly name: string };

export type Claim = ClaimBody & {
  /** The words of the draft the claim was read from, and where. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
};

export type ClaimType = Claim['type'];
