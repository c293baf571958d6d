import type { Command } from 'commander';
import { ValidationError } from '../../core/index.js';
import { withServices } from '../context.js';
import { seedDemoStore } from '../seed-demo-store.js';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('load sample data: `aisle seed demo` writes the demo outdoor store (idempotent)')
    .argument('<dataset>', 'the data set to load: demo')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(async (dataset: string, options: { db?: string }) => {
      if (dataset !== 'demo')
        throw new ValidationError(`unknown data set "${dataset}": the one data set is "demo"`);
      await withServices((services) => seedDemoStore(services), options.db ? { db: options.db } : {});
    });
}
