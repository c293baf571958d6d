/**
 * The toolbox a brain works with: every tool, their specs for a language model, and `runTool`,
 * which parses the arguments, runs the tool for the session and turns any refusal into a
 * ToolError with a stable code.
 */
import { AisleError } from '../../core/index.js';
import { cartTools } from './cart-tools.js';
import { catalogTools } from './catalog-tools.js';
import { createConfirmations } from './confirmations.js';
import { ToolError } from './errors.js';
import { orderTools } from './order-tools.js';
import { shopperTools } from './shopper-tools.js';
import type { ToolboxOptions, ToolKit } from './tool-kit.js';
import type { Tool, ToolContext, ToolResult, ToolServices, ToolSpec } from './types.js';

export interface Toolbox {
  readonly tools: readonly Tool[];
  /** For the AI SDK: name, description and the zod schema of the arguments. */
  toolSpecs(): ToolSpec[];
  runTool(name: string, rawInput: unknown, context: ToolContext): Promise<ToolResult>;
}

export function createToolbox(services: ToolServices, options: ToolboxOptions = {}): Toolbox {
  const kit: ToolKit = {
    services,
    options,
    confirmations: createConfirmations(services.clock, options.confirmationTtlMs),
  };
  const tools: Tool[] = [
    ...catalogTools(kit),
    ...cartTools(kit),
    ...orderTools(kit),
    ...shopperTools(kit),
  ] as Tool[];
  const byName = new Map(tools.map((t) => [t.name, t]));

  return {
    tools,
    toolSpecs: () => tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.input })),
    async runTool(name, rawInput, context) {
      const tool = byName.get(name);
      if (tool === undefined) {
        throw new ToolError(name, 'unknown_tool', `there is no tool ${name}`, { tools: [...byName.keys()] });
      }
      const parsed = tool.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new ToolError(name, 'invalid_input', 'the arguments do not fit the tool', {
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        });
      }
      try {
        return await tool.run(parsed.data, context);
      } catch (error) {
        if (ToolError.isInstance(error) || !AisleError.isInstance(error)) throw error;
        throw new ToolError(name, error.code, error.message, error.details);
      }
    },
  };
}
