import { APICallError, RetryError } from 'ai';
import { LlmUnavailableError } from './llm-unavailable-error.js';

/** Which of the turn's signals fired, known only to the caller that armed them. */
export type TurnSignals = { readonly timeout: AbortSignal; readonly caller: AbortSignal | undefined };

/**
 * Turns anything a model call threw into an `LlmUnavailableError`, so no provider message,
 * request body or stack trace reaches the shopper; the original stays on `cause`.
 */
export function providerFailure(error: unknown, signals: TurnSignals): LlmUnavailableError {
  if (LlmUnavailableError.isInstance(error)) return error;
  if (signals.timeout.aborted) return new LlmUnavailableError('timeout', {}, error);
  if (signals.caller?.aborted === true) return new LlmUnavailableError('aborted', {}, error);
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last) && last.statusCode !== undefined) {
    const reason = last.statusCode === 429 ? 'rate_limited' : 'provider_error';
    return new LlmUnavailableError(reason, { statusCode: last.statusCode }, error);
  }
  return new LlmUnavailableError('provider_error', {}, error);
}
