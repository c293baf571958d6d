import { AisleError } from '../../core/index.js';

export type LlmUnavailableReason = 'timeout' | 'rate_limited' | 'provider_error' | 'aborted' | 'no_answer';

/**
 * The language model could not answer this turn. The caller falls back to the rules brain. The
 * message is safe to show or log; the provider's own error stays on `cause` for operators.
 */
export class LlmUnavailableError extends AisleError {
  readonly reason: LlmUnavailableReason;

  constructor(reason: LlmUnavailableReason, details: { statusCode?: number } = {}, cause?: unknown) {
    super('llm_unavailable', messages[reason], {
      status: 503,
      details: { reason, ...details },
      cause,
    });
    this.reason = reason;
  }

  static override isInstance(value: unknown): value is LlmUnavailableError {
    return AisleError.isInstance(value) && value.code === 'llm_unavailable';
  }
}

const messages: Record<LlmUnavailableReason, string> = {
  timeout: 'the language model did not answer in time',
  rate_limited: 'the language model provider is rate limiting requests',
  provider_error: 'the language model provider failed to answer',
  aborted: 'the turn was cancelled before the language model answered',
  no_answer: 'the language model ended the turn without a reply',
};
