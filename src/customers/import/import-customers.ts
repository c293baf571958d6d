/**
 * Imports customers and their past orders from NDJSON (docs/customer-import.md), one record at a
 * time so any file size streams through. Bad records are reported with their line and the rest
 * imports; strict mode checks the whole file first (spooled to a temporary file when it arrives
 * as a stream) and imports nothing when any record is bad. Re-importing updates customers by the
 * merchant's id and never duplicates orders, gift cards or balances.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Clock } from '../../core/index.js';
import type { GiftCards, StoreCredit } from '../../payments/index.js';
import type { Store } from '../../store/index.js';
import type { PersonalDataCodec } from '../personal-data.js';
import type { ImportCatalogPort, OrderImporterPort } from '../types.js';
import { applyPlan, newCustomerIdFor, StoredValueIncomplete } from './apply-plan.js';
import { ImportChecks } from './import-checks.js';
import { type PlanContext, planRecord } from './plan-record.js';
import { readNdjson } from './read-ndjson.js';
import { RecordRejected } from './record-rejected.js';
import type { CustomerImportInput, CustomerImportIssue, CustomerImportSummary } from './types.js';

export interface ImportCustomersOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly codec: PersonalDataCodec;
  readonly payments: { readonly giftCards: GiftCards; readonly storeCredit: StoreCredit };
  readonly orderImporter?: OrderImporterPort;
  readonly catalog?: ImportCatalogPort;
  readonly input: CustomerImportInput;
  readonly strict: boolean;
}

const MAX_ISSUES = 1000;

class Tally {
  records = 0;
  created = 0;
  updated = 0;
  skipped = 0;
  ordersCreated = 0;
  ordersUnchanged = 0;
  giftCardsIssued = 0;
  giftCardsLinked = 0;
  errorCount = 0;
  readonly errors: CustomerImportIssue[] = [];

  report(line: number, rejected: RecordRejected): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_ISSUES) {
      this.errors.push({
        line,
        ...(rejected.externalId !== undefined && { externalId: rejected.externalId }),
        code: rejected.code,
        reason: rejected.reason,
      });
    }
  }

  summary(rejected: boolean): CustomerImportSummary {
    return {
      records: this.records,
      created: this.created,
      updated: this.updated,
      skipped: this.skipped,
      orders: { created: this.ordersCreated, unchanged: this.ordersUnchanged },
      giftCards: { issued: this.giftCardsIssued, linked: this.giftCardsLinked },
      errorCount: this.errorCount,
      errors: this.errors,
      rejected,
    };
  }
}

function planContext(options: ImportCustomersOptions): PlanContext {
  return {
    executor: options.store.db,
    codec: options.codec,
    checks: new ImportChecks(),
    catalog: options.catalog,
    canImportOrders: options.orderImporter !== undefined,
    newCustomerId: newCustomerIdFor(options.clock),
    variants: new Map(),
  };
}

/** Checks every record without writing; lines are copied to `spool` as they pass, when given. */
async function checkAll(
  options: ImportCustomersOptions,
  input: CustomerImportInput,
  spool?: NodeJS.WritableStream,
): Promise<Tally> {
  const tally = new Tally();
  const context = planContext(options);
  for await (const { line, text } of readNdjson(input)) {
    tally.records += 1;
    spool?.write(`${text}\n`);
    try {
      await planRecord(context, text);
    } catch (error) {
      if (!(error instanceof RecordRejected)) throw error;
      tally.report(line, error);
    }
  }
  return tally;
}

async function importAll(
  options: ImportCustomersOptions,
  input: CustomerImportInput,
): Promise<CustomerImportSummary> {
  const tally = new Tally();
  const context = planContext(options);
  const applyContext = { ...options, orderImporter: options.orderImporter };
  for await (const { line, text } of readNdjson(input)) {
    tally.records += 1;
    try {
      const plan = await planRecord(context, text);
      const applied = await applyPlan(applyContext, plan).catch((error: unknown) => {
        if (!(error instanceof StoredValueIncomplete)) throw error;
        tally.report(line, error.rejection);
        tally.ordersCreated += error.orders.created;
        tally.ordersUnchanged += error.orders.unchanged;
        return undefined;
      });
      if (plan.exists) tally.updated += 1;
      else tally.created += 1;
      if (applied !== undefined) {
        tally.ordersCreated += applied.ordersCreated;
        tally.ordersUnchanged += applied.ordersUnchanged;
        tally.giftCardsIssued += applied.giftCardsIssued;
        tally.giftCardsLinked += applied.giftCardsLinked;
      }
    } catch (error) {
      if (!(error instanceof RecordRejected)) throw error;
      tally.skipped += 1;
      tally.report(line, error);
    }
  }
  return tally.summary(false);
}

async function importStrict(options: ImportCustomersOptions): Promise<CustomerImportSummary> {
  if (typeof options.input === 'string') {
    const checked = await checkAll(options, options.input);
    if (checked.errorCount > 0) {
      checked.skipped = checked.records;
      return checked.summary(true);
    }
    return importAll(options, options.input);
  }
  const directory = await mkdtemp(join(tmpdir(), 'aisle-customers-'));
  try {
    const path = join(directory, 'records.ndjson');
    const spool = createWriteStream(path);
    const checked = await checkAll(options, options.input, spool).finally(() => spool.end());
    await finished(spool);
    if (checked.errorCount > 0) {
      checked.skipped = checked.records;
      return checked.summary(true);
    }
    return await importAll(options, createReadStream(path));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export function importCustomers(options: ImportCustomersOptions): Promise<CustomerImportSummary> {
  return options.strict ? importStrict(options) : importAll(options, options.input);
}
