import type { BrainReply, BrainToolCall, TokenPricing, ToolRunResult } from './types.js';
import { costMicros } from './usage-cost.js';

type RequestedCall = { readonly toolCallId: string; readonly name: string; readonly input: unknown };
type CallEntry<Result extends ToolRunResult> = {
  readonly requested: RequestedCall;
  settled: BrainToolCall<Result> | undefined;
};

/**
 * Collects one turn as the model produces it, step by step, from either `generateText` step
 * content or `streamText` parts, so both ways of answering build the same reply.
 */
export class TurnRecord<Result extends ToolRunResult> {
  private readonly stepTexts: string[] = [];
  private readonly calls: CallEntry<Result>[] = [];
  /** Whole tool results by call id, in run order, until their call is settled. */
  private readonly results = new Map<string, Result[]>();

  startStep(): void {
    this.stepTexts.push('');
  }

  /** Appends text and returns what was appended: a paragraph break separates the texts of steps. */
  addText(text: string): string {
    if (this.stepTexts.length === 0) this.startStep();
    const last = this.stepTexts.length - 1;
    const startsParagraph =
      text !== '' &&
      this.stepTexts[last] === '' &&
      this.stepTexts.slice(0, last).some((earlier) => earlier !== '');
    const appended = startsParagraph ? `\n\n${text}` : text;
    this.stepTexts[last] += appended;
    return appended;
  }

  addToolCall(call: RequestedCall): void {
    this.calls.push({ requested: call, settled: undefined });
  }

  captureResult(toolCallId: string, result: Result): void {
    const queued = this.results.get(toolCallId);
    if (queued === undefined) this.results.set(toolCallId, [result]);
    else queued.push(result);
  }

  /** Settles the oldest open call with this id: models do reuse ids across steps. */
  settleToolCall(toolCallId: string, outcome: 'ran' | { error: unknown }): BrainToolCall<Result> {
    const entry = this.calls.find(
      (call) => call.requested.toolCallId === toolCallId && call.settled === undefined,
    );
    const base = entry?.requested ?? { toolCallId, name: 'unknown', input: undefined };
    const result = outcome === 'ran' ? this.results.get(toolCallId)?.shift() : undefined;
    const settled: BrainToolCall<Result> =
      result !== undefined
        ? { ...base, status: 'ok', result }
        : { ...base, status: 'error', error: outcome === 'ran' ? NOT_RUN : errorText(outcome.error) };
    if (entry !== undefined) entry.settled = settled;
    return settled;
  }

  get text(): string {
    return this.stepTexts.join('').trim();
  }

  finish(
    usage: { inputTokens: number | undefined; outputTokens: number | undefined },
    pricing?: TokenPricing,
  ): BrainReply<Result> {
    const inputTokens = usage.inputTokens ?? 0;
    const outputTokens = usage.outputTokens ?? 0;
    return {
      text: this.text,
      toolCalls: this.calls.map(
        (call): BrainToolCall<Result> =>
          call.settled ?? { ...call.requested, status: 'error', error: NOT_RUN },
      ),
      usage: {
        inputTokens,
        outputTokens,
        ...(pricing === undefined ? {} : { costMicros: costMicros(pricing, inputTokens, outputTokens) }),
      },
      steps: Math.max(1, this.stepTexts.length),
    };
  }
}

const NOT_RUN = 'the tool did not run';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
