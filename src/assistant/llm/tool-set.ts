import { asSchema, type Schema, type ToolSet, tool } from 'ai';
import { AisleError } from '../../core/index.js';
import type { ToolRunner, ToolRunResult } from './types.js';

type InputSchema = Parameters<typeof tool>[0]['inputSchema'];

/**
 * Tool schemas as the SDK's Schema objects, made once per schema: a Schema converts its zod
 * source to JSON Schema on first use and keeps the result, so later turns skip the conversion
 * (all the tools' conversions cost several milliseconds per model call).
 */
const sdkSchemas = new WeakMap<object, Schema>();

function sdkSchema(inputSchema: unknown): InputSchema {
  const source = inputSchema as object;
  let schema = sdkSchemas.get(source);
  if (schema === undefined) {
    // The runner owns its schemas; the SDK accepts zod and any Standard Schema.
    schema = asSchema(inputSchema as Parameters<typeof asSchema>[0]);
    sdkSchemas.set(source, schema);
  }
  return schema as InputSchema;
}

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
      inputSchema: sdkSchema(spec.inputSchema),
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
