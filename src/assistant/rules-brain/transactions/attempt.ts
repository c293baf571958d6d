/**
 * Running a tool where a refusal is an answer, not a failure: the engine saying no (no cart, not
 * your order, outside the return window) comes back as a ToolError to explain to the shopper.
 * Anything else is a fault and keeps propagating.
 */
import { ToolError, type ToolResult } from '../../tools/index.js';
import type { RulesTurn } from '../types.js';

export type Attempt =
  | { readonly ok: true; readonly result: ToolResult }
  | { readonly ok: false; readonly error: ToolError };

export async function attempt(
  turn: RulesTurn,
  tool: string,
  input: Record<string, unknown>,
): Promise<Attempt> {
  try {
    return { ok: true, result: await turn.runTool(tool, input) };
  } catch (error) {
    if (ToolError.isInstance(error)) return { ok: false, error };
    throw error;
  }
}
