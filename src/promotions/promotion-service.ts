/**
 * Stored promotions and policies: versioned documents the engine validated, the compiled rule
 * set the cart prices with, and the usage counters their limits are enforced on.
 */
import {
  assertCurrency,
  type Clock,
  ConflictError,
  NotFoundError,
  newId,
  ValidationError,
} from '../core/index.js';
import {
  loadRuleSet,
  type PricingResult,
  type PromotionDocument,
  priceCart,
  type RuleSet,
  sampleRuleSetDocument,
  type UsageCounters,
  type UsageDelta,
} from '../rules/index.js';
import type { Executor, Store } from '../store/index.js';
import { draftRuleSet } from './dry-run.js';
import { CodeTakenError } from './errors.js';
import { codesOf, toStoredPromotion } from './promotion-rows.js';
import { createCache } from './rule-set-cache.js';
import type {
  DryRunInput,
  PolicySet,
  PromotionInput,
  PromotionStatus,
  SeedSampleOptions,
  SeedSampleResult,
  StoredPolicies,
  StoredPromotion,
  UpdateOptions,
} from './types.js';
import { readUsage, recordUsage, revertUsage, writeLimits } from './usage-counters.js';
import { validatePolicies, validatePromotion } from './validate-document.js';

export interface PromotionService {
  /** The active promotions and current policies, compiled; cached and dropped on every write. */
  current(): Promise<{ ruleSet: RuleSet; policies: PolicySet }>;
  /** Counters by promotion id; promotions with nothing recorded are absent. */
  usage(promotionIds: readonly string[], customerId: string | null): Promise<Record<string, UsageCounters>>;
  /** Conditional, under lock; throws PromotionLimitError ('budget_exhausted' | 'usage_limit_reached'). */
  recordUsage(
    executor: Executor,
    deltas: readonly UsageDelta[],
    ref: { orderId: string; customerId: string | null },
  ): Promise<void>;
  /** Gives back what the order recorded; a second call does nothing. */
  revertUsage(executor: Executor, orderId: string): Promise<void>;

  create(input: PromotionInput): Promise<StoredPromotion>;
  /** Writes a new version; the old ones stay readable. */
  update(id: string, input: PromotionInput, options?: UpdateOptions): Promise<StoredPromotion>;
  /** A new version with status 'archived'; its codes are free again. */
  archive(id: string): Promise<StoredPromotion>;
  /** Latest versions, newest first. */
  list(filter?: { status?: PromotionStatus }): Promise<StoredPromotion[]>;
  /** The latest version, or the one asked for. */
  get(id: string, version?: number): Promise<StoredPromotion>;

  /** Null until a policy document has been stored. */
  getPolicies(version?: number): Promise<StoredPolicies | null>;
  replacePolicies(document: unknown, options?: UpdateOptions): Promise<StoredPolicies>;

  /** Prices a cart under a draft rule set (or the current one); nothing is stored. */
  dryRun(input: DryRunInput): Promise<PricingResult>;
  /** Loads the sample promotions and policies; what already exists is kept. */
  seedSample(options: SeedSampleOptions): Promise<SeedSampleResult>;
}

export interface PromotionServiceOptions {
  store: Store;
  clock: Clock;
  /** The store's currency; promotion amounts are its minor units. Default TWD. */
  currency?: string;
  /** The zone of time conditions; default the shipping policy's zone, else UTC. */
  timeZone?: string;
  /** How long a server trusts its compiled rules against writes made by other servers (default 5000 ms). */
  cacheTtlMs?: number;
}

const DEFAULT_TIME_ZONE = 'UTC';

export function createPromotionService(options: PromotionServiceOptions): PromotionService {
  const { store, clock } = options;
  const currency = assertCurrency(options.currency ?? 'TWD');
  const db = store.db;

  const frame = async () => ({
    currency,
    timeZone:
      options.timeZone ?? (await latestPolicies(db))?.document.shipping?.timeZone ?? DEFAULT_TIME_ZONE,
  });

  const cache = createCache(
    async () => {
      const stored = await latestPolicies(db);
      const policies = stored?.document ?? {};
      const active = await selectPromotions(db).where('p.status', '=', 'active').orderBy('p.id').execute();
      const ruleSet = loadRuleSet({
        currency,
        timeZone: options.timeZone ?? policies.shipping?.timeZone ?? DEFAULT_TIME_ZONE,
        promotions: active.map((row) => JSON.parse(row.document) as PromotionDocument),
        policies,
      });
      return { ruleSet, policies: ruleSet.policies };
    },
    clock,
    options.cacheTtlMs ?? 5000,
  );

  const written = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      cache.invalidate();
    }
  };

  const inTransaction = <T>(executor: Executor, work: (trx: Executor) => Promise<T>): Promise<T> =>
    executor.isTransaction ? work(executor) : store.transaction(work);

  async function get(id: string, version?: number): Promise<StoredPromotion> {
    const row = await selectPromotions(db, version).where('p.id', '=', id).executeTakeFirst();
    if (row === undefined)
      throw new NotFoundError(version === undefined ? 'promotion' : `promotion version ${version} of`, id);
    return toStoredPromotion(row);
  }

  async function writeVersion(
    trx: Executor,
    document: PromotionDocument,
    previous: { version: number; created_at: number } | undefined,
  ): Promise<void> {
    const now = clock.now();
    if (previous === undefined) {
      const inserted = await trx
        .insertInto('promotions')
        .values({
          id: document.id,
          version: document.version,
          status: document.status,
          name: document.name,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw promotionExists(document.id);
    } else {
      const moved = await trx
        .updateTable('promotions')
        .set({ version: document.version, status: document.status, name: document.name, updated_at: now })
        .where('id', '=', document.id)
        .where('version', '=', previous.version)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) {
        throw new ConflictError(
          'version_conflict',
          `promotion ${document.id} changed while it was being written`,
          {
            id: document.id,
          },
        );
      }
    }
    await trx
      .insertInto('promotion_versions')
      .values({
        promotion_id: document.id,
        version: document.version,
        status: document.status,
        document: JSON.stringify(document),
        created_at: now,
      })
      .execute();
    await claimCodes(trx, document);
    await writeLimits(trx, document.id, document.limits, now);
  }

  async function save(
    id: string,
    input: PromotionInput | PromotionDocument,
    expectedVersion?: number,
    creating = false,
  ) {
    const settings = await frame();
    return written(
      store.transaction(async (trx) => {
        const head = await trx
          .selectFrom('promotions')
          .select(['version', 'created_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (creating && head !== undefined) throw promotionExists(id);
        if (!creating && head === undefined) throw new NotFoundError('promotion', id);
        if (expectedVersion !== undefined && head !== undefined && head.version !== expectedVersion) {
          throw new ConflictError(
            'version_conflict',
            `promotion ${id} is at version ${head.version}, not ${expectedVersion}`,
            {
              id,
              latestVersion: head.version,
            },
          );
        }
        const document = validatePromotion({ ...input, id, version: (head?.version ?? 0) + 1 }, settings);
        await writeVersion(trx, document, head);
        return document.version;
      }),
    ).then((version) => get(id, version));
  }

  async function replacePolicies(
    document: unknown,
    updateOptions: UpdateOptions = {},
  ): Promise<StoredPolicies> {
    const policies = validatePolicies(document);
    return written(
      store.transaction(async (trx) => {
        const latest = await trx
          .selectFrom('policy_versions')
          .select((eb) => eb.fn.max('version').as('version'))
          .executeTakeFirst();
        const current = latest?.version ?? 0;
        if (updateOptions.expectedVersion !== undefined && updateOptions.expectedVersion !== current) {
          throw new ConflictError(
            'version_conflict',
            `policies are at version ${current}, not ${updateOptions.expectedVersion}`,
            {
              latestVersion: current,
            },
          );
        }
        const row = { version: current + 1, document: JSON.stringify(policies), created_at: clock.now() };
        // Two writers computing the same next version collide on the primary key: one of them loses.
        const inserted = await trx
          .insertInto('policy_versions')
          .values(row)
          .onConflict((oc) => oc.column('version').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
          throw new ConflictError('version_conflict', 'the policies changed while they were being written');
        }
        return toStoredPolicies(row);
      }),
    );
  }

  return {
    current: () => cache.get(),
    usage: (promotionIds, customerId) => readUsage(db, promotionIds, customerId),
    recordUsage: (executor, deltas, ref) =>
      inTransaction(executor, (trx) => recordUsage(trx, deltas, ref, clock)),
    revertUsage: (executor, orderId) => inTransaction(executor, (trx) => revertUsage(trx, orderId, clock)),

    create(input) {
      return save(input.id ?? newId('promo', clock.now()), input, undefined, true);
    },

    async update(id, input, updateOptions = {}) {
      if (input.id !== undefined && input.id !== id) {
        throw new ValidationError(
          `the document's id ${input.id} is not ${id}`,
          { id: input.id },
          'id_mismatch',
        );
      }
      return save(id, input, updateOptions.expectedVersion);
    },

    async archive(id) {
      const latest = await get(id);
      if (latest.status === 'archived') return latest;
      const { id: _id, version: _version, ...rest } = latest.document;
      return save(id, { ...rest, status: 'archived' }, latest.version);
    },

    async list(filter = {}) {
      const rows = await selectPromotions(db)
        .$if(filter.status !== undefined, (query) => query.where('p.status', '=', filter.status!))
        .orderBy('p.updated_at', 'desc')
        .orderBy('p.id')
        .execute();
      return rows.map(toStoredPromotion);
    },

    get,

    async getPolicies(version) {
      if (version === undefined) return latestPolicies(db);
      const row = await db
        .selectFrom('policy_versions')
        .selectAll()
        .where('version', '=', version)
        .executeTakeFirst();
      if (row === undefined) throw new NotFoundError('policy version', String(version));
      return toStoredPolicies(row);
    },

    replacePolicies,

    async dryRun(input) {
      const { ruleSet } = await cache.get();
      const rules = draftRuleSet(ruleSet, input.draft);
      const usage =
        input.cart.usage ??
        (await readUsage(
          db,
          rules.promotions.map((promotion) => promotion.id),
          input.cart.customer?.id ?? null,
        ));
      return priceCart({ ...input.cart, usage }, rules, input.options);
    },

    async seedSample(seed) {
      if (seed.currency !== undefined && assertCurrency(seed.currency) !== currency) {
        throw new ValidationError(
          `the store's currency is ${currency}, not ${seed.currency}`,
          undefined,
          'currency_mismatch',
        );
      }
      const sample = sampleRuleSetDocument({
        socks: seed.sockSelector,
        clearance: seed.clearanceSelector,
        ...(seed.memberTiers !== undefined && { memberTiers: seed.memberTiers }),
        ...(seed.memberPercent !== undefined && { memberPercent: seed.memberPercent }),
        ...(seed.clearancePercent !== undefined && { clearancePercent: seed.clearancePercent }),
        ...(seed.freeShippingOver !== undefined && { freeShippingOver: seed.freeShippingOver }),
      });
      let policies: SeedSampleResult['policies'] = 'kept';
      if ((await latestPolicies(db)) === null) {
        try {
          await replacePolicies(sample.policies, { expectedVersion: 0 });
          policies = 'created';
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      const created: string[] = [];
      const kept: string[] = [];
      for (const document of sample.promotions) {
        const { version: _version, ...input } = document;
        try {
          await save(document.id, input, undefined, true);
          created.push(document.id);
        } catch (error) {
          // Another seeder, or an earlier run, got there first: its promotion stays as it is.
          if (!(error instanceof ConflictError) || error.code !== 'promotion_exists') throw error;
          kept.push(document.id);
        }
      }
      return { created, kept, policies };
    },
  };
}

function selectPromotions(db: Executor, version?: number) {
  return db
    .selectFrom('promotions as p')
    .innerJoin('promotion_versions as v', (join) =>
      join
        .onRef('v.promotion_id', '=', 'p.id')
        .$call((on) =>
          version === undefined ? on.onRef('v.version', '=', 'p.version') : on.on('v.version', '=', version),
        ),
    )
    .leftJoin('promotion_usage as u', 'u.promotion_id', 'p.id')
    .select([
      'p.id',
      'v.version',
      'p.version as latest_version',
      'v.status',
      'v.document',
      'v.created_at as version_created_at',
      'p.created_at',
      'u.uses',
      'u.spent',
    ]);
}

async function claimCodes(trx: Executor, document: PromotionDocument): Promise<void> {
  await trx.deleteFrom('promotion_codes').where('promotion_id', '=', document.id).execute();
  if (document.status !== 'active') return;
  for (const code of codesOf(document)) {
    // The primary key settles two writers claiming one code at once: the second inserts nothing.
    const claimed = await trx
      .insertInto('promotion_codes')
      .values({ code, promotion_id: document.id })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1) continue;
    const holder = await trx
      .selectFrom('promotion_codes')
      .select('promotion_id')
      .where('code', '=', code)
      .executeTakeFirst();
    throw new CodeTakenError(code, holder?.promotion_id ?? 'unknown');
  }
}

function promotionExists(id: string): ConflictError {
  return new ConflictError('promotion_exists', `promotion ${id} already exists`, { id });
}

function toStoredPolicies(row: { version: number; document: string; created_at: number }): StoredPolicies {
  return { version: row.version, document: JSON.parse(row.document) as PolicySet, createdAt: row.created_at };
}

async function latestPolicies(db: Executor): Promise<StoredPolicies | null> {
  const row = await db
    .selectFrom('policy_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toStoredPolicies(row);
}
