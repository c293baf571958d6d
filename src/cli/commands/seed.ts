import type { Command } from 'commander';
import { ValidationError } from '../../core/index.js';
import { seedDemo } from '../../demo/index.js';
import { withServices } from '../context.js';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('load sample data: `aisle seed demo` writes the demo outdoor store (idempotent)')
    .argument('<dataset>', 'the data set to load: demo')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(async (dataset: string, options: { db?: string }) => {
      if (dataset !== 'demo')
        throw new ValidationError(`unknown data set "${dataset}": the one data set is "demo"`);
      await withServices(
        async (services) => {
          const result = await seedDemo({ catalog: services.catalog, inventory: services.inventory });
          console.log(
            `demo store ready: ${result.products} products, ${result.variants} variants, ${result.locations} locations`,
          );
        },
        options.db ? { db: options.db } : {},
      );
    });
}
