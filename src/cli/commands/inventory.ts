import type { Command } from 'commander';
import { localize } from '../../catalog/index.js';
import { NotFoundError, ValidationError } from '../../core/index.js';
import type { AppServices } from '../../server/index.js';
import { withServices } from '../context.js';

const KINDS = ['receive', 'count', 'damage', 'return', 'correction'] as const;
type Kind = (typeof KINDS)[number];

/** A variant named by SKU or by id. */
async function resolveVariant(services: AppServices, key: string) {
  const bySku = await services.catalog.findVariantBySku(key);
  if (bySku) return bySku;
  const byId = (await services.catalog.findVariants([key])).get(key);
  if (byId) return byId;
  throw new NotFoundError('variant (SKU or id)', key);
}

async function resolveLocation(services: AppServices, code: string) {
  const locations = await services.inventory.listLocations();
  const location = locations.find((l) => l.code === code || l.id === code);
  if (!location) {
    const known = locations.map((l) => l.code).join(', ') || 'none';
    throw new ValidationError(`unknown location "${code}" (known: ${known})`);
  }
  return location;
}

export function registerInventoryCommand(program: Command): void {
  const inventory = program.command('inventory').description('show and adjust stock');

  inventory
    .command('locations')
    .description('list stores and warehouses')
    .action(() =>
      withServices(async (services) => {
        for (const l of await services.inventory.listLocations()) {
          console.log(
            `${l.code.padEnd(16)} ${l.kind.padEnd(9)} priority ${String(l.priority).padStart(3)}  ${l.pickup ? 'pickup ' : '       '} ${localize(l.name)}`,
          );
        }
      }),
    );

  inventory
    .command('show')
    .description('stock of a variant per location (by SKU or variant id)')
    .argument('<variant>', 'SKU or variant id')
    .action((key: string) =>
      withServices(async (services) => {
        const { product, variant } = await resolveVariant(services, key);
        const locations = new Map((await services.inventory.listLocations()).map((l) => [l.id, l]));
        const levels = await services.inventory.levels([variant.id]);
        const availability = (await services.inventory.availability([variant.id])).get(variant.id);
        console.log(
          `${localize(product.title)} ${variant.optionValues.join(' / ')}  (${variant.sku ?? variant.id})`,
        );
        console.log('location          on hand  reserved  safety  available');
        for (const level of levels) {
          const code = locations.get(level.locationId)?.code ?? level.locationId;
          console.log(
            `${code.padEnd(16)} ${String(level.onHand).padStart(8)} ${String(level.reserved).padStart(9)} ${String(level.safetyStock).padStart(7)} ${String(level.available).padStart(10)}`,
          );
        }
        console.log(
          `total available: ${availability?.available ?? 0}${availability?.lowStock ? '  (low stock)' : ''}`,
        );
      }),
    );

  inventory
    .command('adjust')
    .description('receive, count, damage, return or correct stock; writes a ledger row')
    .argument('<variant>', 'SKU or variant id')
    .requiredOption('--location <code>', 'location code or id')
    .requiredOption('--kind <kind>', `one of ${KINDS.join(', ')}`)
    .requiredOption('--quantity <n>', 'units (for count: the new on-hand figure)')
    .option('--reason <text>', 'why, for the ledger')
    .action((key: string, options: { location: string; kind: string; quantity: string; reason?: string }) =>
      withServices(async (services) => {
        if (!KINDS.includes(options.kind as Kind)) {
          throw new ValidationError(`--kind must be one of ${KINDS.join(', ')}, got "${options.kind}"`);
        }
        const quantity = Number(options.quantity);
        if (!Number.isInteger(quantity))
          throw new ValidationError(`--quantity must be a whole number, got "${options.quantity}"`);
        const { variant } = await resolveVariant(services, key);
        const location = await resolveLocation(services, options.location);
        const level = await services.inventory.adjust({
          variantId: variant.id,
          locationId: location.id,
          kind: options.kind as Kind,
          quantity,
          actor: 'cli',
          ...(options.reason !== undefined && { reason: options.reason }),
        });
        console.log(
          `${variant.sku ?? variant.id} at ${location.code}: on hand ${level.onHand}, reserved ${level.reserved}, available ${level.available}`,
        );
      }),
    );
}
