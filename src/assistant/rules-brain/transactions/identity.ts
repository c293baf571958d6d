/**
 * Who the shopper is. Orders and saved payment methods need proof: the name and postal code on
 * the account (or the store's sign-in). An email alone only names the shopper, so the answer says
 * so. A failed attempt is reported as it is, with no hint about which detail did not match.
 */
import type { Entity } from '../../nlu/index.js';
import { say } from '../phrasing.js';
import type { Awaiting, IntentHandler, RulesReply, RulesTurn } from '../types.js';
import { answer, chips, chipsOf } from './answer.js';
import { attempt } from './attempt.js';
import { offerHandoff } from './handoff.js';
import { asFirstAsked, decodeRequest, encodeRequest, type OrderRequest } from './order-request.js';
import { refusalWords } from './refusals.js';

export type ResumeOrderRequest = (turn: RulesTurn, request: OrderRequest) => Promise<RulesReply>;

/** The dialogue waiting for who the shopper is, with the request to resume after. */
function waitingForIdentity(then: string | null): Awaiting {
  return { kind: 'identity', then };
}

export function askIdentity(turn: RulesTurn, request: OrderRequest | null, lead = ''): RulesReply {
  const ask = say(turn.language, {
    en: 'To look after your orders I first need to confirm who you are: please tell me the name and postal code on your account.',
    'zh-TW': '為了處理您的訂單，我需要先確認您的身分：請告訴我帳戶上的姓名和郵遞區號。',
  });
  return answer(turn, lead === '' ? ask : `${lead} ${ask}`, {
    dialogue: { awaiting: waitingForIdentity(request === null ? null : encodeRequest(request)) },
  });
}

/** Words a shopper wraps around their name ("my name is", "我是", "郵遞區號"). */
const FILLER =
  /\b(?:hi|hello|my|name|is|i'?m|i am|it'?s|this is|postal|post|zip|code|postcode|and|the)\b|我是|我叫|名字|姓名|郵遞區號|郵遞|區號|是|[,，:：.。;；]/giu;

interface IdentityDetails {
  readonly email: string | null;
  readonly name: string | null;
  readonly postalCode: string | null;
}

function entityValue(
  turn: RulesTurn,
  type: 'email' | 'name' | 'postalCode',
): Extract<Entity, { type: typeof type }> | undefined {
  return turn.understanding.entities.find(
    (e): e is Extract<Entity, { type: typeof type }> => e.type === type,
  );
}

/** The details the message gives; a name asked for is whatever is left beside the postal code. */
function readDetails(turn: RulesTurn): IdentityDetails {
  const email = entityValue(turn, 'email');
  const postal = entityValue(turn, 'postalCode');
  const name = entityValue(turn, 'name');
  let leftover: string | null = null;
  if (name === undefined && postal !== undefined) {
    const rest = `${turn.text.slice(0, postal.start)} ${turn.text.slice(postal.end)}`
      .replace(email?.text ?? '\u0000', ' ')
      .replace(FILLER, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    leftover = rest === '' ? null : rest;
  }
  return {
    email: email?.value ?? null,
    name: name?.value ?? leftover,
    postalCode: postal?.value ?? null,
  };
}

export function identifyHandler(resume: ResumeOrderRequest): IntentHandler {
  return async (turn) => {
    const { language, dialogue } = turn;
    const waiting = dialogue.awaiting.kind === 'identity' ? dialogue.awaiting.then : null;
    const request = decodeRequest(waiting);
    const details = readDetails(turn);
    const keepWaiting = { awaiting: waitingForIdentity(waiting) };

    if (details.name !== null && details.postalCode !== null) {
      const result = await attempt(turn, 'identify_shopper', {
        name: details.name,
        postalCode: details.postalCode,
      });
      if (!result.ok) return failed(turn, result.error, keepWaiting);
      const lead = say(language, { en: 'Thank you, that’s confirmed.', 'zh-TW': '謝謝，身分已確認。' });
      if (request !== null) {
        const resumed = await resume(asFirstAsked(turn, request, false), request);
        return { ...resumed, reply: { ...resumed.reply, text: `${lead}\n${resumed.reply.text}` } };
      }
      return answer(
        turn,
        `${lead} ${say(language, {
          en: 'I can now look up your orders, or pay with a payment method saved on your account.',
          'zh-TW': '現在我可以幫您查詢訂單，或使用帳戶中儲存的付款方式結帳。',
        })}`,
        { suggestions: chipsOf(language, chips.orderStatus, chips.viewCart) },
      );
    }

    if (details.email !== null) {
      const result = await attempt(turn, 'identify_shopper', { email: details.email });
      if (!result.ok) return failed(turn, result.error, keepWaiting);
      return answer(
        turn,
        say(language, {
          en: 'Thanks. An email alone doesn’t confirm who you are, so for orders and saved payment methods I also need the name and postal code on your account.',
          'zh-TW':
            '謝謝。只有電子郵件無法確認身分，查詢訂單或使用儲存的付款方式，還需要帳戶上的姓名和郵遞區號。',
        }),
        { dialogue: keepWaiting },
      );
    }
    return askIdentity(turn, request);
  };
}

function failed(
  turn: RulesTurn,
  error: Parameters<typeof refusalWords>[0],
  keepWaiting: { awaiting: Awaiting },
): RulesReply {
  const words = refusalWords(error, turn.language);
  if (error.code === 'too_many_attempts') {
    return offerHandoff(turn, words, 'repeated_failure', 'the shopper could not confirm who they are');
  }
  return answer(
    turn,
    `${words} ${say(turn.language, {
      en: 'Please check the name and postal code exactly as they are on your account.',
      'zh-TW': '請確認姓名和郵遞區號與帳戶上的資料完全相同。',
    })}`,
    { dialogue: keepWaiting },
  );
}
