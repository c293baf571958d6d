/**
 * Which order states allow which shopper actions, and for which reasons. The orders module asks
 * before it offers or performs a cancel, modify, return or exchange.
 */
import type { OrderAction, TransitionRule } from './policy-schema.js';
import type { LocalizedMessage } from './types.js';

export type TransitionCode = 'allowed' | 'state_not_allowed' | 'reason_not_allowed' | 'action_not_offered';

export interface TransitionDecision {
  readonly allowed: boolean;
  readonly code: TransitionCode;
  /** States in which the action is possible, for "you can cancel until it ships". */
  readonly allowedStates: readonly string[];
  /** Reasons accepted in this state, when the policy lists them. */
  readonly allowedReasons: readonly string[] | null;
  readonly message: LocalizedMessage;
}

const actionWords: Record<OrderAction, LocalizedMessage> = {
  cancel: { en: 'cancelled', 'zh-TW': '取消' },
  modify: { en: 'changed', 'zh-TW': '修改' },
  return: { en: 'returned', 'zh-TW': '退貨' },
  exchange: { en: 'exchanged', 'zh-TW': '換貨' },
};

export function canTransition(
  orderState: string,
  action: OrderAction,
  reason: string | undefined,
  rules: readonly TransitionRule[],
): TransitionDecision {
  const forAction = rules.filter((r) => r.action === action);
  const allowedStates = [...new Set(forAction.flatMap((r) => r.states))];
  const word = actionWords[action];
  if (forAction.length === 0) {
    return {
      allowed: false,
      code: 'action_not_offered',
      allowedStates,
      allowedReasons: null,
      message: { en: `Orders cannot be ${word.en} here.`, 'zh-TW': `本商店不提供訂單${word['zh-TW']}。` },
    };
  }
  const inState = forAction.filter((r) => r.states.includes(orderState));
  if (inState.length === 0) {
    return {
      allowed: false,
      code: 'state_not_allowed',
      allowedStates,
      allowedReasons: null,
      message: {
        en: `An order that is ${orderState} cannot be ${word.en}.`,
        'zh-TW': `訂單狀態為「${orderState}」時無法${word['zh-TW']}。`,
      },
    };
  }
  const anyReason = inState.some((r) => r.reasons === undefined);
  const allowedReasons = anyReason ? null : [...new Set(inState.flatMap((r) => r.reasons ?? []))];
  if (allowedReasons !== null && (reason === undefined || !allowedReasons.includes(reason))) {
    return {
      allowed: false,
      code: 'reason_not_allowed',
      allowedStates,
      allowedReasons,
      message: {
        en: `This order can be ${word.en} only for these reasons: ${allowedReasons.join(', ')}.`,
        'zh-TW': `此訂單僅能因下列原因${word['zh-TW']}：${allowedReasons.join('、')}。`,
      },
    };
  }
  return {
    allowed: true,
    code: 'allowed',
    allowedStates,
    allowedReasons,
    message: { en: `This order can be ${word.en}.`, 'zh-TW': `此訂單可以${word['zh-TW']}。` },
  };
}
