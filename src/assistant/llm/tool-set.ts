import { type ToolSet, tool } from 'ai';
import { AisleError } from '../../core/index.js';
import type { ToolRunner, ToolRunResult } from './types.js';

/**
 * The runner's tools as AI SDK tools for one turn. The SDK validates the model's arguments
 * against each schema before `run`; invalid arguments and thrown errors return to the model as
 * tool errors, so it can correct itself instead of ending the turn. The model sees `output`;
 * the whole result goes to `onResult` for the caller.
 */
export function toolSetForTurn<Context, Result extends ToolRunResult>(
  runner: ToolRunner<Context, Result>,
  context: Context,
  onResult: (toolCallId: string, result: Result) => void,
): ToolSet {
  const tools: ToolSet = {};
  for (const spec of runner.specs()) {
    tools[spec.name] = tool({
      description: spec.description,
      // The runner owns its schemas; the SDK accepts zod and any Standard Schema.
      inputSchema: spec.inputSchema as Parameters<typeof tool>[0]['inputSchema'],
      execute: async (input: unknown, { toolCallId }) => {
        let result: Result;
        try {
          result = await runner.run(spec.name, input, context);
        } catch (error) {
          // Typed errors are written for callers; anything else may carry internals (SQL, paths)
          // that the model must not see or repeat.
          if (AisleError.isInstance(error)) throw error;
          throw new Error(`the ${spec.name} tool failed; try again or continue without it`, { cause: error });
        }
        onResult(toolCallId, result);
        return result.output;
      },
    });
  }
  return tools;
}
