import { type FinishReason, generateText, type LanguageModel, stepCountIs, streamText } from 'ai';
import { toModelMessages } from './conversation-messages.js';
import { LLM_DEFAULTS } from './llm-config.js';
import { LlmUnavailableError } from './llm-unavailable-error.js';
import { providerFailure, type TurnSignals } from './provider-failure.js';
import { buildSystemPrompt } from './system-prompt.js';
import { toolSetForTurn } from './tool-set.js';
import { TurnRecord } from './turn-record.js';
import type {
  BrainEvent,
  BrainReply,
  BrainRequest,
  LlmBrain,
  Persona,
  TokenPricing,
  ToolRunner,
  ToolRunResult,
} from './types.js';

export type LlmBrainOptions<Context = undefined, Result extends ToolRunResult = ToolRunResult> = {
  readonly model: LanguageModel;
  readonly tools: ToolRunner<Context, Result>;
  readonly persona: Persona;
  readonly policySummary: string;
  /** Model round trips per turn, tool calls included. */
  readonly maxSteps?: number;
  /** The whole turn, all steps and retries together. */
  readonly timeoutMs?: number;
  /** Retries of a failed model call (HTTP 429, 5xx, network), with the provider's back-off. */
  readonly maxRetries?: number;
  readonly pricing?: TokenPricing;
  /** Earlier messages sent with each turn; older ones are dropped. */
  readonly maxHistoryMessages?: number;
};

/**
 * A brain that lets a language model word the reply and choose tools, in a bounded tool loop.
 * Any provider failure ends the turn with `LlmUnavailableError`, and so does a loop that ends
 * without an answer, so the caller can answer with the rules brain instead.
 */
export function createLlmBrain<Context = undefined, Result extends ToolRunResult = ToolRunResult>(
  options: LlmBrainOptions<Context, Result>,
): LlmBrain<Context, Result> {
  const maxSteps = options.maxSteps ?? LLM_DEFAULTS.maxSteps;
  const timeoutMs = options.timeoutMs ?? LLM_DEFAULTS.timeoutMs;
  const maxRetries = options.maxRetries ?? LLM_DEFAULTS.maxRetries;
  const maxHistoryMessages = options.maxHistoryMessages ?? 20;
  const specs = options.tools.specs();

  function callSettings(
    request: BrainRequest<Context>,
    record: TurnRecord<Result>,
    abortSignal: AbortSignal,
  ) {
    return {
      model: options.model,
      system: buildSystemPrompt({
        persona: options.persona,
        policySummary: options.policySummary,
        tools: specs,
        locale: request.locale,
      }),
      messages: toModelMessages(request.history, request.userText, maxHistoryMessages),
      tools: toolSetForTurn(options.tools, request.context as Context, (toolCallId, result) =>
        record.captureResult(toolCallId, result),
      ),
      stopWhen: stepCountIs(maxSteps),
      maxRetries,
      abortSignal,
    };
  }

  /** A turn cut off by the step limit while the model still wanted tools has no answer, even after "let me check". */
  function finished(
    record: TurnRecord<Result>,
    usage: Usage,
    finishReason: FinishReason,
  ): BrainReply<Result> {
    if (record.text === '' || finishReason === 'tool-calls') throw new LlmUnavailableError('no_answer');
    return record.finish(usage, options.pricing);
  }

  return {
    async respond(request) {
      const turn = armTurn(request.abortSignal, timeoutMs);
      try {
        const record = new TurnRecord<Result>();
        const result = await generateText(callSettings(request, record, turn.signal));
        for (const step of result.steps) {
          record.startStep();
          for (const part of step.content) {
            if (part.type === 'text') record.addText(part.text);
            else if (part.type === 'tool-call') {
              record.addToolCall({ toolCallId: part.toolCallId, name: part.toolName, input: part.input });
            } else if (part.type === 'tool-result') record.settleToolCall(part.toolCallId, 'ran');
            else if (part.type === 'tool-error')
              record.settleToolCall(part.toolCallId, { error: part.error });
          }
        }
        return finished(record, result.totalUsage, result.finishReason);
      } catch (error) {
        throw providerFailure(error, turn.signals);
      } finally {
        turn.dispose();
      }
    },

    async *stream(request): AsyncGenerator<BrainEvent<Result>> {
      const turn = armTurn(request.abortSignal, timeoutMs);
      try {
        // Failures arrive as `error` parts and end the turn typed; the default handler would
        // also print them, stack and all.
        const record = new TurnRecord<Result>();
        const result = streamText({ ...callSettings(request, record, turn.signal), onError: () => {} });
        for await (const part of result.fullStream) {
          switch (part.type) {
            case 'start-step':
              record.startStep();
              break;
            case 'text-delta': {
              const text = record.addText(part.text);
              if (text !== '') yield { type: 'text-delta', text };
              break;
            }
            case 'tool-call':
              record.addToolCall({ toolCallId: part.toolCallId, name: part.toolName, input: part.input });
              yield {
                type: 'tool-call',
                toolCallId: part.toolCallId,
                name: part.toolName,
                input: part.input,
              };
              break;
            case 'tool-result':
              yield {
                type: 'tool-result',
                toolCall: record.settleToolCall(part.toolCallId, 'ran'),
              };
              break;
            case 'tool-error':
              yield {
                type: 'tool-result',
                toolCall: record.settleToolCall(part.toolCallId, { error: part.error }),
              };
              break;
            case 'error':
              throw part.error;
            case 'abort':
              throw new LlmUnavailableError(turn.signals.timeout.aborted ? 'timeout' : 'aborted');
            case 'finish':
              yield { type: 'reply-finish', reply: finished(record, part.totalUsage, part.finishReason) };
              break;
          }
        }
      } catch (error) {
        throw providerFailure(error, turn.signals);
      } finally {
        turn.dispose();
      }
    },
  };
}

type Usage = { inputTokens: number | undefined; outputTokens: number | undefined };

/**
 * One signal for the SDK that fires on the turn's deadline, on the caller's cancel, or when the
 * turn is disposed early (a stream consumer stopped reading), so no model request outlives its turn.
 */
function armTurn(callerSignal: AbortSignal | undefined, timeoutMs: number) {
  const deadline = new AbortController();
  const ended = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('turn deadline passed', 'TimeoutError')),
    timeoutMs,
  );
  const signals: TurnSignals = { timeout: deadline.signal, caller: callerSignal };
  const sources = [deadline.signal, ended.signal, ...(callerSignal === undefined ? [] : [callerSignal])];
  return {
    signal: AbortSignal.any(sources),
    signals,
    dispose: () => {
      clearTimeout(timer);
      ended.abort();
    },
  };
}
