/**
 * The tools of one turn: runs each call through the toolbox for the session's shopper, records it
 * for the trace (name, input without PII, outcome, facts), gathers the facts the guard checks and
 * the cards the shopper sees. A language model's arguments get the shopper's real email or phone
 * back before they are validated, and its results go back to the model redacted.
 */
import { jsonSchema, zodSchema } from 'ai';
import { AisleError, type Logger } from '../../core/index.js';
import { type PiiVault, redactValue, restoreValue } from '../../privacy/index.js';
import type { FactSet } from '../facts/index.js';
import type { ToolRunner } from '../llm/index.js';
import type { Card, Toolbox, ToolContext, ToolResult } from '../tools/index.js';
import type { HandoffReason, TurnTrace } from './types.js';

export type ToolCallRecord = TurnTrace['tools'][number];

export interface HandoffRequest {
  readonly reason: HandoffReason;
  readonly note: string;
}

export class TurnTools {
  readonly calls: ToolCallRecord[] = [];
  readonly cards: Card[] = [];
  readonly facts: FactSet;
  /** Set when a tool asked for a person during this turn. */
  handoff: HandoffRequest | null = null;

  constructor(
    private readonly toolbox: Toolbox,
    readonly context: ToolContext,
    readonly vault: PiiVault,
    sessionFacts: FactSet,
    private readonly onCall: (name: string) => void,
    private readonly logger: Logger,
  ) {
    this.facts = sessionFacts;
  }

  /** A call the rules brain makes, with the shopper's own words. Throws ToolError as the toolbox does. */
  run(name: string, input: Record<string, unknown>): Promise<ToolResult> {
    return this.record(name, input);
  }

  /** A call a language model makes: its tokens are restored before the tool runs, its result redacted. */
  async runForModel(name: string, input: unknown): Promise<ToolResult> {
    const result = await this.record(name, restoreValue(input, this.vault));
    return { ...result, output: redactValue(result.output, this.vault) };
  }

  /** Whether any tool ran to completion this turn (answering again would repeat its effects). */
  get anySucceeded(): boolean {
    return this.calls.some((call) => call.ok);
  }

  private async record(name: string, input: unknown): Promise<ToolResult> {
    this.onCall(name);
    const shown = redactValue(input, this.vault);
    try {
      const result = await this.toolbox.runTool(name, input, this.context);
      this.facts.add(...result.facts);
      this.cards.push(...(result.cards ?? []));
      this.calls.push({ name, input: shown, ok: true, facts: result.facts });
      return result;
    } catch (error) {
      const typed = AisleError.isInstance(error);
      // A refusal is part of the conversation; anything else is a fault for the operators.
      if (!typed)
        this.logger.error({ err: error, tool: name, sessionId: this.context.sessionId }, 'tool failed');
      const text = typed ? `${error.code}: ${error.message}` : 'the tool failed';
      this.calls.push({ name, input: shown, ok: false, error: text, facts: [] });
      throw error;
    }
  }
}

/**
 * The toolbox as the LLM brain's tool runner, one per turn for its session's vault. Each schema
 * validates the arguments with the vault's values put back, so `[email_1]` passes as the email it
 * stands for, but hands on the arguments as the model wrote them: the SDK repeats them to the
 * model in later steps. The model is shown the tool's own JSON schema.
 */
export type ModelToolRunners = (vault: PiiVault) => ToolRunner<TurnTools, ToolResult>;

export function modelToolRunners(toolbox: Toolbox): ModelToolRunners {
  // Built once: each schema works out its JSON schema on first use and keeps it.
  const tools = toolbox.toolSpecs().map((spec) => ({
    spec,
    schema: zodSchema(spec.inputSchema as Parameters<typeof zodSchema>[0]),
  }));
  return (vault) => {
    const specs = tools.map(({ spec, schema }) => {
      const validate = schema.validate;
      return {
        ...spec,
        inputSchema: jsonSchema(() => schema.jsonSchema, {
          ...(validate === undefined
            ? {}
            : {
                validate: async (value: unknown) => {
                  const checked = await validate(restoreValue(value, vault));
                  return checked.success ? { success: true as const, value } : checked;
                },
              }),
        }),
      };
    });
    return {
      specs: () => specs,
      run: (name, input, turn) => turn.runForModel(name, input),
    };
  };
}

/** The cards a reply shows: the latest of each kind, in the order the kinds first appeared. */
export function replyCards(cards: readonly Card[]): Card[] {
  const latest = new Map<Card['type'], Card>();
  for (const card of cards) latest.set(card.type, card);
  return [...latest.values()];
}
