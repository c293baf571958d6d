/** `aisle`: the command line. Each command lives in commands/; this file only wires them. */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { AisleError } from '../core/index.js';
import { registerChatCommand } from './commands/chat.js';
import { registerCustomersCommand } from './commands/customers.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerImportCommand } from './commands/import.js';
import { registerInventoryCommand } from './commands/inventory.js';
import { registerOrdersCommand } from './commands/orders.js';
import { registerPromotionsCommand } from './commands/promotions.js';
import { registerSeedCommand } from './commands/seed.js';
import { registerServeCommand } from './commands/serve.js';

export function buildProgram(): Command {
  const program = new Command('aisle')
    .description('Aisle, the AI shopping assistant engine')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerChatCommand(program);
  registerImportCommand(program);
  registerSeedCommand(program);
  registerInventoryCommand(program);
  registerCustomersCommand(program);
  registerPromotionsCommand(program);
  registerOrdersCommand(program);
  registerEvalCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (AisleError.isInstance(error)) {
      console.error(`error: ${error.message} (${error.code})`);
      return error.status >= 500 ? 1 : 2;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
