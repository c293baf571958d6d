/**
 * A tool refused: a stable code the brain can explain to the shopper ("I need to confirm who you
 * are first"), never a stack trace. Commerce errors keep their own codes.
 */
import { AisleError, type ErrorDetails } from '../../core/index.js';

export type ToolErrorCode =
  | 'invalid_input'
  | 'unknown_tool'
  | 'shopper_not_verified'
  | 'shopper_not_identified'
  | 'identification_failed'
  | 'too_many_attempts'
  | 'no_cart'
  | 'empty_cart'
  | 'no_saved_method'
  | 'confirmation_invalid'
  | 'confirmation_stale'
  | 'handoff_unavailable'
  | (string & {});

export class ToolError extends AisleError {
  readonly tool: string;

  constructor(tool: string, code: ToolErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, { status: statusOf(code), ...(details === undefined ? {} : { details }) });
    this.tool = tool;
  }

  static override isInstance(value: unknown): value is ToolError {
    return value instanceof ToolError;
  }
}

function statusOf(code: string): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'shopper_not_verified':
    case 'shopper_not_identified':
    case 'identification_failed':
      return 401;
    case 'too_many_attempts':
      return 429;
    case 'unknown_tool':
      return 404;
    default:
      return 409;
  }
}
