/**
 * One shopper turn: redact → route → the brain plans and runs tools → the brain drafts → the guard
 * verifies → record → reply. The caller holds the session's lock for the whole turn.
 */
import { ConflictError, formatMoney } from '../../core/index.js';
import { PiiVault, type Redaction, redactText } from '../../privacy/index.js';
import { summarizePolicies } from '../../promotions/index.js';
import { FactSet } from '../facts/index.js';
import { type Intervention, verify } from '../guard/index.js';
import { type ConversationMessage, createLlmBrain, LlmUnavailableError } from '../llm/index.js';
import type { Language, Understanding } from '../nlu/index.js';
import type { DialogueState } from '../rules-brain/index.js';
import type { Card, ToolContext } from '../tools/index.js';
import type { Engine } from './engine.js';
import { highValueNotice, languageOf, safeReplyText, waitingNotice } from './notices.js';
import { policyBrief } from './policy-brief.js';
import { chooseBrain } from './router.js';
import type { SessionPatch, SessionRecord } from './session-store.js';
import { openCartOf, shopperState } from './shopper-state.js';
import { type HandoffRequest, replyCards, TurnTools } from './turn-tools.js';
import type {
  Reply,
  SentReply,
  ShopperState,
  Suggestion,
  TranscriptMessage,
  TurnEvent,
  TurnTrace,
} from './types.js';

const HISTORY_MESSAGES = 20;
const CJK = /[\u3400-\u9fff]/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

interface Draft {
  readonly brain: TurnTrace['brain'];
  readonly route: string;
  readonly text: string;
  readonly cards: readonly Card[];
  readonly suggestions: readonly Suggestion[];
  readonly dialogue: DialogueState;
  readonly handoff: HandoffRequest | null;
  readonly usage: TurnTrace['usage'];
}

interface TurnInput {
  readonly session: SessionRecord;
  readonly redaction: Redaction;
  readonly understanding: Understanding;
  readonly language: Language;
  readonly tools: TurnTools;
}

/** Publishes a recorded message to the session's watchers, with the shopper's own details restored. */
export function publishMessage(
  engine: Engine,
  sessionId: string,
  message: TranscriptMessage,
  vault: PiiVault,
) {
  engine.events.emit({
    type: 'message',
    sessionId,
    message: { ...message, text: vault.restore(message.text) },
  });
}

export async function runTurn(
  engine: Engine,
  sessionId: string,
  text: string,
  emit: (event: TurnEvent) => void,
): Promise<SentReply> {
  const started = performance.now();
  const session = await engine.sessions.get(sessionId);
  if (session.status === 'closed') throw new ConflictError('session_closed', 'this conversation is closed');
  const vault = new PiiVault(session.vault);
  const redaction = redactText(text, vault);
  if (redaction.removed.length > 0) {
    engine.logger.info(
      { sessionId, removed: redaction.removed },
      'removed sensitive numbers from a shopper message',
    );
  }
  const shopperMessage = await engine.sessions.append(
    sessionId,
    { role: 'shopper', text: redaction.redacted },
    { vault: vault.toJSON() },
  );
  publishMessage(engine, sessionId, shopperMessage, vault);
  if (session.status !== 'assistant') return queuedTurn(engine, session, shopperMessage, vault);

  const understanding = engine.rulesBrain.understand(redaction.clear, {
    dialogue: session.dialogue,
    locale: session.locale,
  });
  const language = turnLanguage(redaction.clear, understanding, session.locale);
  // After the shopper paid on the cart API, the next add starts a new cart instead of failing on the paid one.
  const cartId = await openCartOf(engine.services, session.cartId);
  const context: ToolContext = {
    sessionId,
    locale: language,
    currency: engine.currency,
    shopper: { customerId: session.customerId, verified: session.customerVerified },
    cartId,
    cartToken: cartId === null ? null : session.cartToken,
    channel: session.channel,
    now: engine.services.clock.now(),
  };
  const facts = new FactSet(await engine.recentFacts.read(sessionId, session.messageCount));
  const tools = new TurnTools(
    engine.toolbox,
    context,
    vault,
    facts,
    (name) => emit({ type: 'tool', name }),
    engine.logger,
  );
  const input: TurnInput = { session, redaction, understanding, language, tools };

  engine.activeTurns.set(sessionId, tools);
  let draft: Draft;
  try {
    const decision = chooseBrain(
      { understanding, dialogue: session.dialogue, lastBrain: session.lastBrain },
      { llmAvailable: engine.llm !== null, ...engine.router },
    );
    draft =
      decision.brain === 'rules'
        ? await rulesDraft(engine, input, 'rules', decision.route)
        : await llmDraft(engine, input, shopperMessage.seq, decision.route);
  } finally {
    engine.activeTurns.delete(sessionId);
  }

  let checked = await guard(engine, input, draft);
  if (checked.fellBack && draft.brain === 'llm' && !tools.anySucceeded) {
    // The model's draft could not be trusted and it changed nothing: the rules brain answers instead.
    const rejected = checked.interventions;
    const route = `${draft.route}; guard rejected the model's draft, rules brain answered`;
    draft = { ...(await rulesDraft(engine, input, 'fallback', route)), usage: draft.usage };
    const again = await guard(engine, input, draft);
    checked = { ...again, interventions: [...rejected, ...again.interventions] };
  }
  const state = await shopperState(engine.services, engine.logger, {
    status: 'assistant',
    customerId: context.shopper.customerId,
    customerVerified: context.shopper.verified,
    cartId: context.cartId,
    cartToken: context.cartToken,
  });
  const handoff = draft.handoff ?? tools.handoff ?? highValueHandoff(engine, session, state);
  const replyText =
    handoff?.reason === 'high_value_cart' ? `${checked.text} ${highValueNotice(language)}` : checked.text;
  // The shopper reads the text as written; the transcript keeps it redacted like everything else.
  const shown = vault.restore(replyText);
  const stored = redactText(replyText, vault).redacted;
  const trace: TurnTrace = {
    brain: draft.brain,
    route: draft.route,
    intent: understanding.intent,
    confidence: understanding.confidence,
    tools: tools.calls,
    interventions: checked.interventions,
    usage: draft.usage,
    latencyMs: Math.round(performance.now() - started),
  };
  const patch: SessionPatch = {
    dialogue: draft.dialogue,
    vault: vault.toJSON(),
    lastBrain: draft.brain,
    locale: language,
    customerId: context.shopper.customerId,
    customerVerified: context.shopper.verified,
    cartId: context.cartId,
    cartToken: context.cartToken,
    ...(handoff === null
      ? {}
      : {
          status: 'waiting',
          handoffReason: handoff.reason,
          handoffNote: oneLine(handoff.note),
          handoffAt: engine.services.clock.now(),
        }),
  };
  const message = await engine.sessions.append(
    sessionId,
    { role: 'assistant', text: stored, cards: draft.cards, suggestions: draft.suggestions, trace },
    patch,
  );
  engine.recentFacts.remember(
    sessionId,
    session.messageCount,
    message.seq,
    tools.calls.flatMap((call) => call.facts),
  );
  for (const sentence of sentencesOf(shown)) emit({ type: 'text-delta', text: sentence });
  publishMessage(engine, sessionId, message, vault);
  if (handoff !== null) {
    engine.logger.info({ sessionId, reason: handoff.reason }, 'session queued for staff');
    engine.events.emit({ type: 'status', sessionId, status: 'waiting', reason: handoff.reason });
  }
  return {
    messageId: message.id,
    reply: { text: shown, cards: draft.cards, suggestions: draft.suggestions },
    state: handoff === null ? state : { ...state, status: 'waiting' },
  };
}

/** A cart at or over AISLE_HANDOFF_CART_OVER goes to staff, once per session. */
function highValueHandoff(
  engine: Engine,
  session: SessionRecord,
  state: ShopperState,
): HandoffRequest | null {
  const threshold = engine.handoffCartOver;
  const cart = state.cart;
  if (threshold === null || cart === null || cart.total.amount < threshold) return null;
  if (session.handoffReason === 'high_value_cart') return null;
  const limit = { amount: threshold, currency: cart.total.currency };
  return {
    reason: 'high_value_cart',
    note: `cart total ${formatMoney(cart.total, 'en')} is over ${formatMoney(limit, 'en')}`,
  };
}

/** While a person has (or is about to have) the conversation, the brains stay quiet. */
async function queuedTurn(
  engine: Engine,
  session: SessionRecord,
  shopperMessage: TranscriptMessage,
  vault: PiiVault,
): Promise<SentReply> {
  const state = await shopperState(engine.services, engine.logger, session);
  if (session.status === 'staff') {
    // The person answers through staffReply; nothing to say on their behalf.
    return { messageId: shopperMessage.id, reply: { text: '', cards: [], suggestions: [] }, state };
  }
  const notice = await engine.sessions.append(session.id, {
    role: 'system',
    text: waitingNotice(languageOf(session.locale)),
  });
  publishMessage(engine, session.id, notice, vault);
  const reply: Reply = { text: notice.text, cards: [], suggestions: [] };
  return { messageId: notice.id, reply, state };
}

async function rulesDraft(
  engine: Engine,
  input: TurnInput,
  brain: TurnTrace['brain'],
  route: string,
): Promise<Draft> {
  const { session, redaction, understanding, language, tools } = input;
  try {
    const answer = await engine.rulesBrain.respond({
      text: redaction.clear,
      understanding,
      language,
      dialogue: session.dialogue,
      context: tools.context,
      runTool: (name, toolInput) => tools.run(name, toolInput),
    });
    return {
      brain,
      route,
      text: answer.reply.text,
      cards: answer.reply.cards,
      suggestions: answer.reply.suggestions,
      dialogue: answer.dialogue,
      handoff: answer.handoff ?? null,
      usage: null,
    };
  } catch (error) {
    engine.logger.error({ err: error, sessionId: session.id }, 'rules brain failed');
    return fromToolResults(input, brain, `${route}; rules brain failed`, session.dialogue, null);
  }
}

async function llmDraft(engine: Engine, input: TurnInput, shopperSeq: number, route: string): Promise<Draft> {
  const llm = engine.llm;
  if (llm === null) return rulesDraft(engine, input, 'rules', route);
  const { session, redaction, language, tools } = input;
  try {
    const brain = createLlmBrain({
      model: llm.model,
      tools: engine.modelTools(tools.vault),
      persona: engine.persona,
      policySummary: policyBrief(
        summarizePolicies(await engine.services.promotions.getPolicies(), engine.currency),
      ),
      ...(llm.timeoutMs === undefined ? {} : { timeoutMs: llm.timeoutMs }),
      ...(llm.maxRetries === undefined ? {} : { maxRetries: llm.maxRetries }),
      ...(llm.maxSteps === undefined ? {} : { maxSteps: llm.maxSteps }),
      ...(llm.pricing === undefined ? {} : { pricing: llm.pricing }),
    });
    const history = await historyBefore(engine, session.id, shopperSeq);
    // Text is buffered, not forwarded: nothing reaches the shopper before the guard has read it all.
    for await (const event of brain.stream({
      history,
      userText: redaction.redacted,
      locale: language,
      context: tools,
    })) {
      if (event.type !== 'reply-finish') continue;
      const cards = replyCards(tools.cards);
      return {
        brain: 'llm',
        route,
        text: event.reply.text,
        cards,
        suggestions: [],
        dialogue: engine.rulesBrain.noteCards(session.dialogue, cards),
        handoff: null,
        usage: event.reply.usage,
      };
    }
    throw new LlmUnavailableError('no_answer');
  } catch (error) {
    const reason = LlmUnavailableError.isInstance(error) ? error.reason : 'error';
    engine.logger.warn(
      { err: error, sessionId: session.id, reason },
      'language model failed; answering without it',
    );
    // Tools the model already ran (a line added, a coupon applied) must not run twice.
    if (tools.anySucceeded) {
      const cards = replyCards(tools.cards);
      return fromToolResults(
        input,
        'fallback',
        `${route}; llm failed (${reason}), answered from its tool results`,
        engine.rulesBrain.noteCards(session.dialogue, cards),
        null,
      );
    }
    return rulesDraft(engine, input, 'fallback', `${route}; llm failed (${reason}), rules brain answered`);
  }
}

function fromToolResults(
  input: TurnInput,
  brain: TurnTrace['brain'],
  route: string,
  dialogue: DialogueState,
  usage: TurnTrace['usage'],
): Draft {
  const cards = replyCards(input.tools.cards);
  return {
    brain,
    route,
    text: safeReplyText(cards, input.language),
    cards,
    suggestions: [],
    dialogue,
    handoff: input.tools.handoff,
    usage,
  };
}

/** Checks the draft against this turn's and the session's facts; repairs it or falls back to the safe reply. */
async function guard(
  engine: Engine,
  input: TurnInput,
  draft: Draft,
): Promise<{ text: string; interventions: readonly Intervention[]; fellBack: boolean }> {
  const { policies } = await engine.services.promotions.current();
  const today = localDate(engine.services.clock.now(), policies.shipping?.timeZone ?? 'UTC');
  const verification = verify(draft.text, input.tools.facts, {
    locale: input.language,
    currency: engine.currency,
    today,
    shopperText: input.redaction.clear,
  });
  if (verification.ok) return { text: draft.text, interventions: [], fellBack: false };
  const text = verification.fallback
    ? safeReplyText(draft.cards, input.language)
    : (verification.repaired ?? draft.text);
  engine.logger.warn(
    {
      sessionId: input.session.id,
      brain: draft.brain,
      fallback: verification.fallback,
      interventions: verification.interventions.map((i) => ({
        claim: i.claim.text,
        type: i.claim.type,
        status: i.status,
        reason: i.reason,
        action: i.action,
      })),
    },
    'grounding guard changed a reply',
  );
  return { text, interventions: verification.interventions, fellBack: verification.fallback };
}

async function historyBefore(engine: Engine, sessionId: string, seq: number): Promise<ConversationMessage[]> {
  const messages = await engine.sessions.recentTexts(sessionId, seq, HISTORY_MESSAGES);
  return messages
    .filter((message) => message.role !== 'system' && message.text !== '')
    .map((message) => ({ role: message.role === 'shopper' ? 'user' : 'assistant', text: message.text }));
}

/** The reply's language: Chinese characters say zh-TW; a reply without words ("42", "ok") keeps the session's. */
function turnLanguage(text: string, understanding: Understanding, sessionLocale: string): Language {
  if (CJK.test(text)) return 'zh-TW';
  if (LATIN_WORD.test(text)) return understanding.language;
  return languageOf(sessionLocale);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD in the store's time zone; formatters are costly to build, so one is kept per zone. */
function localDate(instant: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 199)}…`;
}

/** The verified reply in sentence-sized pieces for the stream; joined, they are the reply. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?。！？\n])(?![.!?。！？\n])/u).filter((piece) => piece !== '');
}
