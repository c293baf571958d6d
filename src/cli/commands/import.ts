import { existsSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type ImportSummary, importFeed } from '../../catalog/import/index.js';
import { loadConfig, ValidationError } from '../../core/index.js';
import { withServices } from '../context.js';

const FORMATS = ['shopify', 'gmc'] as const;

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `${summary.rows} rows read in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
      `${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped ` +
      `(${summary.products} products, ${summary.variants} variants)`,
  ];
  if (summary.rejected) lines.push('strict mode: the file has bad rows, so NOTHING was imported');
  for (const issue of summary.errors) {
    lines.push(
      `  line ${issue.line}${issue.handle ? ` (${issue.handle})` : ''}: ${issue.reason} [${issue.code}]`,
    );
  }
  if (summary.errorCount > summary.errors.length)
    lines.push(`  ... and ${summary.errorCount - summary.errors.length} more`);
  for (const warning of summary.warnings) lines.push(`  note, line ${warning.line}: ${warning.reason}`);
  return lines.join('\n');
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a merchant feed: Shopify product CSV or Google Merchant Center (TSV or XML)')
    .argument('<format>', `feed format: ${FORMATS.join(' or ')}`)
    .argument('<file>', 'path of the feed file')
    .option('--currency <code>', 'currency of prices without one (default: AISLE_CURRENCY)')
    .option('--locale <tag>', 'language of titles and descriptions', 'en')
    .option('--strict', 'stop at the first bad row and import nothing')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action(
      async (
        format: string,
        file: string,
        options: { currency?: string; locale: string; strict?: boolean; db?: string },
      ) => {
        if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
          throw new ValidationError(`unknown feed format "${format}": use ${FORMATS.join(' or ')}`);
        }
        if (!existsSync(file) || !statSync(file).isFile()) throw new ValidationError(`no such file: ${file}`);
        const currency = (options.currency ?? loadConfig().currency).toUpperCase();
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: 'importing [{bar}] {percentage}% | {rows} rows', hideCursor: true })
          : undefined;
        bar?.start(statSync(file).size, 0, { rows: 0 });
        const summary = await withServices(
          (services) =>
            importFeed({
              catalog: services.catalog,
              inventory: services.inventory,
              format: format as (typeof FORMATS)[number],
              input: file,
              currency,
              locale: options.locale,
              strict: options.strict ?? false,
              actor: 'cli',
              onProgress: (progress) => bar?.update(progress.bytes, { rows: progress.rows }),
            }),
          options.db ? { db: options.db } : {},
        ).finally(() => bar?.stop());
        console.log(formatSummary(summary));
        if (summary.rejected || summary.errorCount > 0) process.exitCode = 2;
      },
    );
}
