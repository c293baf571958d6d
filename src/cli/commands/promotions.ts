import type { Command } from 'commander';
import { formatMoney, ValidationError } from '../../core/index.js';
import {
  type PolicySummary,
  type PromotionInput,
  type PromotionStatus,
  type StoredPromotion,
  summarizePolicies,
} from '../../promotions/index.js';
import type { PromotionDocument, RuleSetDocument } from '../../rules/index.js';
import { withServices } from '../context.js';
import {
  databaseOption,
  formatInstant,
  printJson,
  readJsonFile,
  readJsonObject,
  reportingIssues,
} from './command-output.js';
import { formatPricing, readDryRunCart } from './dry-run-cart.js';

const STATUSES = ['active', 'draft', 'archived'] as const;

/** A document's `version` is the version its writer last read, as in the HTTP API: it guards the write. */
function splitVersion(document: Record<string, unknown>) {
  const { version, ...rest } = document;
  return { document: rest, expectedVersion: typeof version === 'number' ? version : undefined };
}

function summaryLine(promotion: StoredPromotion): string {
  const codes = promotion.document.codes?.join(', ');
  return (
    `${promotion.id.padEnd(24)} ${promotion.status.padEnd(8)} v${String(promotion.version).padEnd(3)} ` +
    `${promotion.name}${codes ? `  codes: ${codes}` : ''}  (used ${promotion.usage.uses}×)`
  );
}

function printPromotion(promotion: StoredPromotion, currency: string): void {
  const { document } = promotion;
  console.log(`${promotion.name}  (${promotion.id})`);
  console.log(
    `status ${promotion.status}, version ${promotion.version} of ${promotion.latestVersion}, written ${formatInstant(promotion.versionCreatedAt)}`,
  );
  if (document.description) console.log(document.description);
  if (document.codes) console.log(`codes: ${document.codes.join(', ')}`);
  console.log(`priority ${document.priority}${document.exclusive ? ', exclusive' : ''}`);
  if (document.startsAt !== undefined || document.endsAt !== undefined) {
    console.log(`runs ${String(document.startsAt ?? 'from now')} → ${String(document.endsAt ?? 'no end')}`);
  }
  console.log(
    `used ${promotion.usage.uses}×, granted ${formatMoney({ amount: promotion.usage.spent, currency })} so far`,
  );
  console.log('document:');
  console.log(JSON.stringify(document, null, 2));
}

/** A promotion document, a list of them, or a whole rule set; drafts are priced as if active. */
function draftOf(value: unknown): RuleSetDocument | PromotionDocument[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'promotions' in value) {
    return value as RuleSetDocument;
  }
  const documents = Array.isArray(value) ? value : [value];
  return documents.map((document, index) => {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      throw new ValidationError(`the draft's entry ${index} is not a promotion document`);
    }
    const fields = document as Record<string, unknown>;
    return {
      version: 1,
      ...fields,
      id: fields.id ?? `draft-${index + 1}`,
      status: fields.status === 'draft' ? 'active' : fields.status,
    } as PromotionDocument;
  });
}

function printPolicies(summary: PolicySummary): void {
  const money = (amount: number) => formatMoney({ amount, currency: summary.currency });
  console.log(`policies${summary.version === null ? ': none stored yet' : ` (version ${summary.version})`}`);
  if (summary.returns) {
    const { returns } = summary;
    console.log(`returns: ${returns.defaultDays} days, refunded to ${returns.refundMethods.join(' or ')}`);
    for (const exception of returns.exceptions) {
      const who = Object.entries(exception.appliesTo)
        .map(([key, values]) => `${key} ${(values as string[]).join(', ')}`)
        .join('; ');
      console.log(
        `  ${exception.finalSale ? 'final sale' : `${exception.days} days`} for ${who || 'everything'}` +
          `${exception.finalSale ? '' : `, refunded to ${exception.refundMethods.join(' or ')}`}`,
      );
    }
  } else {
    console.log('returns: no policy');
  }
  if (summary.shipping) {
    console.log(`shipping (times in ${summary.shipping.timeZone}):`);
    for (const option of summary.shipping.options) {
      const bands = option.weightBands.map((band) => `${money(band.fee)} up to ${band.maxGrams / 1000} kg`);
      const details = [
        bands.length > 0 ? bands.join(', ') : money(option.fee),
        option.freeOver === null ? null : `free from ${money(option.freeOver)}`,
        `${option.businessDays.min}–${option.businessDays.max} business days`,
        option.cutoffHour === null ? null : `order by ${option.cutoffHour}:00`,
        option.maxWeightGrams === null ? null : `up to ${option.maxWeightGrams / 1000} kg`,
        option.countries.length > 0 ? option.countries.join(', ') : null,
      ].filter((part) => part !== null);
      console.log(`  ${option.name.en} ${option.name['zh-TW'] ?? ''}: ${details.join('; ')}`);
    }
  } else {
    console.log('shipping: no policy');
  }
  const rates = summary.tax.rates.map(
    (rate) =>
      `${rate.name.en} ${rate.rate}% (${rate.country}${rate.inclusive ? ', included in prices' : ', added at checkout'})`,
  );
  console.log(`tax: ${summary.tax.mode}${rates.length > 0 ? `: ${rates.join('; ')}` : ''}`);
}

function registerPolicies(program: Command): void {
  const policies = program.command('policies').description('the store’s returns, shipping and tax policies');

  policies
    .command('show')
    .description('the policies as shoppers see them')
    .option('--json', 'print JSON')
    .option('--document', 'print the full policy document, ready to edit and `policies set`')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((options: { json?: boolean; document?: boolean; db?: string }) =>
      withServices(async (services) => {
        const [{ ruleSet }, stored] = await Promise.all([
          services.promotions.current(),
          services.promotions.getPolicies(),
        ]);
        if (options.document) {
          // The version rides along so `policies set` refuses the file if someone wrote since.
          printJson(stored === null ? {} : { version: stored.version, ...stored.document });
          return;
        }
        const summary = summarizePolicies(stored, ruleSet.currency);
        if (options.json) printJson(summary);
        else printPolicies(summary);
      }, databaseOption(options)),
    );

  policies
    .command('set')
    .description('replace the policies with a policy document (a new version)')
    .argument('<file>', 'path of the policy JSON document')
    .option('--json', 'print the stored policies as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((file: string, options: { json?: boolean; db?: string }) => {
      const { document, expectedVersion } = splitVersion(readJsonObject(file));
      return withServices(async (services) => {
        const stored = await reportingIssues(file, () =>
          services.promotions.replacePolicies(
            document,
            expectedVersion === undefined ? {} : { expectedVersion },
          ),
        );
        if (options.json) printJson(stored);
        else console.log(`policies saved as version ${stored.version}`);
      }, databaseOption(options));
    });
}

export function registerPromotionsCommand(program: Command): void {
  const promotions = program.command('promotions').description('list, add, archive and try promotions');

  promotions
    .command('list')
    .description('promotions at their latest version, newest change first')
    .option('--status <status>', STATUSES.join(', '))
    .option('--json', 'print JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((options: { status?: string; json?: boolean; db?: string }) => {
      const status = options.status;
      if (status !== undefined && !STATUSES.includes(status as PromotionStatus)) {
        throw new ValidationError(`--status must be one of ${STATUSES.join(', ')}, got "${status}"`);
      }
      return withServices(async (services) => {
        const items = await services.promotions.list(
          status === undefined ? {} : { status: status as PromotionStatus },
        );
        if (options.json) printJson(items);
        else if (items.length === 0) console.log('no promotions');
        else for (const promotion of items) console.log(summaryLine(promotion));
      }, databaseOption(options));
    });

  promotions
    .command('show')
    .description('a promotion at its latest version, or at --version')
    .argument('<id>', 'promotion id')
    .option('--version <n>', 'an earlier version')
    .option('--json', 'print JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((id: string, options: { version?: string; json?: boolean; db?: string }) => {
      const version = options.version === undefined ? undefined : Number(options.version);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
        throw new ValidationError(`--version must be a positive whole number, got "${options.version}"`);
      }
      return withServices(async (services) => {
        const promotion = await services.promotions.get(id, version);
        if (options.json) printJson(promotion);
        else printPromotion(promotion, services.config.currency);
      }, databaseOption(options));
    });

  promotions
    .command('add')
    .description('create a promotion from a JSON document; every problem is listed with its path')
    .argument('<file>', 'path of the promotion JSON document')
    .option('--json', 'print the stored promotion as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((file: string, options: { json?: boolean; db?: string }) => {
      const { document } = splitVersion(readJsonObject(file));
      return withServices(async (services) => {
        const created = await reportingIssues(file, () =>
          services.promotions.create(document as unknown as PromotionInput),
        );
        if (options.json) printJson(created);
        else console.log(`created ${summaryLine(created)}`);
      }, databaseOption(options));
    });

  promotions
    .command('archive')
    .description('archive a promotion (a new version); its codes are free again')
    .argument('<id>', 'promotion id')
    .option('--json', 'print the archived promotion as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((id: string, options: { json?: boolean; db?: string }) =>
      withServices(async (services) => {
        const archived = await services.promotions.archive(id);
        if (options.json) printJson(archived);
        else console.log(`archived ${summaryLine(archived)}`);
      }, databaseOption(options)),
    );

  promotions
    .command('dry-run')
    .description('price a sample cart under the current promotions, or with --draft ones; stores nothing')
    .argument('<cart>', 'cart JSON: lines by "sku" and "quantity", optional customer (email or id), coupons')
    .option('--draft <file>', 'a promotion document, a list of them, or a whole rule set')
    .option('--json', 'print the pricing result as JSON')
    .option('--db <url>', 'database URL (default: AISLE_DB)')
    .action((cartFile: string, options: { draft?: string; json?: boolean; db?: string }) => {
      const cartDocument = readJsonFile(cartFile);
      const draft = options.draft === undefined ? undefined : draftOf(readJsonFile(options.draft));
      return withServices(async (services) => {
        const { context, mode, labels } = await reportingIssues(cartFile, () =>
          readDryRunCart(services, cartDocument),
        );
        const result = await reportingIssues(options.draft ?? cartFile, () =>
          services.promotions.dryRun({
            cart: context,
            ...(draft !== undefined && { draft }),
            ...(mode !== undefined && { options: { mode } }),
          }),
        );
        if (options.json) {
          printJson(result);
          return;
        }
        const names = new Map(
          (await services.promotions.list()).map((promotion) => [promotion.id, promotion.name]),
        );
        if (Array.isArray(draft)) for (const document of draft) names.set(document.id, document.name);
        console.log(formatPricing(result, labels, names));
      }, databaseOption(options));
    });

  registerPolicies(program);
}
