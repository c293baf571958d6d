import type { BrainReply, BrainToolCall, TokenPricing } from './types.js';
import { costMicros } from './usage-cost.js';

type PendingCall = { readonly toolCallId: string; readonly name: string; readonly input: unknown };

/**
 * Collects one turn as the model produces it, step by step, from either `generateText` step
 * content or `streamText` parts, so both ways of answering build the same reply.
 */
export class TurnRecord {
  private readonly stepTexts: string[] = [];
  private readonly calls: PendingCall[] = [];
  private readonly settled = new Map<string, BrainToolCall>();

  startStep(): void {
    this.stepTexts.push('');
  }

  /** Text to append; between steps a paragraph break, so step texts do not run together. */
  addText(text: string): string {
    const index = this.stepTexts.length - 1;
    if (index < 0) this.startStep();
    const current = this.stepTexts.at(-1) ?? '';
    const separator =
      current === '' && this.stepTexts.slice(0, -1).some((earlier) => earlier !== '') && text !== ''
        ? '\n\n'
        : '';
    this.stepTexts[this.stepTexts.length - 1] = current + separator + text;
    return separator + text;
  }

  addToolCall(call: PendingCall): void {
    this.calls.push(call);
  }

  settleToolCall(toolCallId: string, outcome: { output: unknown } | { error: unknown }): BrainToolCall {
    const call = this.calls.find((pending) => pending.toolCallId === toolCallId);
    const base = { toolCallId, name: call?.name ?? 'unknown', input: call?.input };
    const settled: BrainToolCall =
      'output' in outcome
        ? { ...base, status: 'ok', output: outcome.output }
        : { ...base, status: 'error', error: errorText(outcome.error) };
    this.settled.set(toolCallId, settled);
    return settled;
  }

  get text(): string {
    return this.stepTexts.join('').trim();
  }

  finish(
    usage: { inputTokens: number | undefined; outputTokens: number | undefined },
    pricing?: TokenPricing,
  ): BrainReply {
    const inputTokens = usage.inputTokens ?? 0;
    const outputTokens = usage.outputTokens ?? 0;
    return {
      text: this.text,
      toolCalls: this.calls.map(
        (call) =>
          this.settled.get(call.toolCallId) ?? { ...call, status: 'error', error: 'the tool did not run' },
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
