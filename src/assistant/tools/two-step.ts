/**
 * The preview → yes → run pattern of consequential tools. The first call previews with the
 * engine's exact amounts and hands out a confirmation id; the call carrying that id previews
 * again and runs only if the session, tool, input and amounts are all still the same.
 */
import { z } from 'zod';
import type { ToolKit } from './tool-kit.js';
import type { ToolContext, ToolResult } from './types.js';

export const confirmField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .optional()
  .describe('The confirmationId of the preview, only after the shopper said yes to it');

export interface TwoStep<Preview> {
  preview(): Promise<Preview>;
  /** What the shopper agrees to: amounts and where they go. */
  amounts(preview: Preview): unknown;
  present(preview: Preview, confirmationId: string): ToolResult;
  /** `operationKey` is the confirmation id: retrying the same confirmed action moves no money twice. */
  execute(preview: Preview, operationKey: string): Promise<ToolResult>;
}

export async function runTwoStep<Preview>(
  kit: ToolKit,
  tool: string,
  context: ToolContext,
  input: { readonly confirm?: string | undefined },
  steps: TwoStep<Preview>,
): Promise<ToolResult> {
  const preview = await steps.preview();
  const { confirm, ...rest } = input;
  const binding = { sessionId: context.sessionId, tool, input: rest, amounts: steps.amounts(preview) };
  if (confirm === undefined) return steps.present(preview, kit.confirmations.issue(binding));
  kit.confirmations.redeem(confirm, binding);
  return steps.execute(preview, confirm);
}
