/**
 * The LLM brain's ports and shapes. The brain never touches commerce directly: every fact it may
 * state comes back from a tool through the `ToolRunner` port.
 */

/** A tool the model may call: its zod input schema is what the model is shown and held to. */
export type ToolSpec = {
  readonly name: string;
  readonly description: string;
  /** A zod schema (or any Standard Schema the AI SDK accepts). */
  readonly inputSchema: unknown;
};

/** What a tool run returns: `output` is what the model sees; the rest (facts, cards) rides along to the caller. */
export type ToolRunResult = { readonly output: unknown };

/**
 * The tools layer, as the brain sees it. `run` may throw: the error goes back to the model.
 * `context` is the request's context (the shopper's session), passed through untouched.
 */
export interface ToolRunner<Context = undefined, Result extends ToolRunResult = ToolRunResult> {
  specs(): readonly ToolSpec[];
  run(name: string, input: unknown, context: Context): Promise<Result>;
}

/** Who the assistant is for this merchant. */
export type Persona = {
  readonly assistantName: string;
  readonly storeName: string;
  /** How the merchant wants the assistant to sound, in their own words ("warm, brief"). */
  readonly voice?: string;
};

/**
 * What the model costs, as integer micro-units of the billing currency per million tokens
 * (US$0.15 per million input tokens is 150_000), so costs stay integer arithmetic.
 */
export type TokenPricing = {
  readonly inputMicrosPerMillionTokens: number;
  readonly outputMicrosPerMillionTokens: number;
};

export type ConversationMessage = {
  readonly role: 'user' | 'assistant';
  readonly text: string;
};

export type BrainRequest<Context = undefined> = {
  /** Earlier turns, oldest first, without the current message. */
  readonly history: readonly ConversationMessage[];
  readonly userText: string;
  /** The shopper's locale ("en", "zh-TW"): the reply is written in it. */
  readonly locale: string;
  /** Lets the caller stop the turn (the shopper left); ends as `LlmUnavailableError`. */
  readonly abortSignal?: AbortSignal;
  /** Handed to every tool run of the turn. */
  readonly context?: Context;
};

export type BrainToolCall<Result extends ToolRunResult = ToolRunResult> = {
  readonly toolCallId: string;
  readonly name: string;
  readonly input: unknown;
} & (
  | { readonly status: 'ok'; readonly result: Result }
  /** The error text the model was shown: bad arguments, or what the tool threw. */
  | { readonly status: 'error'; readonly error: string }
);

export type BrainUsage = {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Present when the brain was given pricing. */
  readonly costMicros?: number;
};

export type BrainReply<Result extends ToolRunResult = ToolRunResult> = {
  readonly text: string;
  /** Every tool call of the turn, in the order the model made them, with its result or error. */
  readonly toolCalls: readonly BrainToolCall<Result>[];
  readonly usage: BrainUsage;
  /** Model round trips the turn took (1 when no tool was called). */
  readonly steps: number;
};

/** What `stream` yields: text as it arrives, tool activity, and the whole reply at the end. */
export type BrainEvent<Result extends ToolRunResult = ToolRunResult> =
  | { readonly type: 'text-delta'; readonly text: string }
  | {
      readonly type: 'tool-call';
      readonly toolCallId: string;
      readonly name: string;
      readonly input: unknown;
    }
  | { readonly type: 'tool-result'; readonly toolCall: BrainToolCall<Result> }
  | { readonly type: 'reply-finish'; readonly reply: BrainReply<Result> };

export interface LlmBrain<Context = undefined, Result extends ToolRunResult = ToolRunResult> {
  respond(request: BrainRequest<Context>): Promise<BrainReply<Result>>;
  stream(request: BrainRequest<Context>): AsyncIterable<BrainEvent<Result>>;
}
