import { afterAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import {
  loadRuleSet,
  type PricingContext,
  type PromotionDocument,
  priceCart,
  RuleValidationError,
  sampleRuleSetDocument,
  type UsageDelta,
} from '../rules/index.js';
import type { Store } from '../store/index.js';
import { createPromotionService, type PromotionInput, PromotionLimitError } from './index.js';

const tenPercent = (overrides: Partial<PromotionInput> = {}): PromotionInput => ({
  name: 'Ten percent',
  status: 'active',
  actions: [{ type: 'order_percent', percent: 10 }],
  ...overrides,
});

const use = (promotionId: string, spent = 100, customerId: string | null = null): UsageDelta => ({
  promotionId,
  version: 1,
  uses: 1,
  spent,
  customerId,
});

const selectors = { sockSelector: { categories: ['Socks'] }, clearanceSelector: { tags: ['clearance'] } };

describeEachEngine('promotion service', (harness) => {
  afterAll(() => harness.closeAll());

  async function setup() {
    const store = await harness.open();
    const clock = new ManualClock();
    return { store, clock, promotions: createPromotionService({ store, clock }) };
  }

  const record = (
    store: Store,
    service: ReturnType<typeof createPromotionService>,
    orderId: string,
    delta: UsageDelta,
  ) =>
    store.transaction((trx) => service.recordUsage(trx, [delta], { orderId, customerId: delta.customerId }));

  describe('documents', () => {
    it('keeps every version readable and serves the latest by default', async () => {
      const { promotions, clock } = await setup();
      const first = await promotions.create(tenPercent({ id: 'ten' }));
      clock.advance(1000);
      const second = await promotions.update('ten', tenPercent({ name: 'Ten percent, renamed' }));
      expect([first.version, second.version]).toEqual([1, 2]);
      expect((await promotions.get('ten')).name).toBe('Ten percent, renamed');
      const old = await promotions.get('ten', 1);
      expect(old).toMatchObject({ version: 1, latestVersion: 2, name: 'Ten percent' });
      expect(old.document).toMatchObject({ id: 'ten', version: 1, priority: 100 });
      await expect(promotions.get('ten', 3)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('refuses an update based on a version that is no longer the latest', async () => {
      const { promotions } = await setup();
      await promotions.create(tenPercent({ id: 'ten' }));
      await promotions.update('ten', tenPercent(), { expectedVersion: 1 });
      await expect(promotions.update('ten', tenPercent(), { expectedVersion: 1 })).rejects.toMatchObject({
        code: 'version_conflict',
        status: 409,
      });
    });

    it('refuses a bad document with the engine issues, paths from the document root', async () => {
      const { promotions } = await setup();
      const error = await promotions
        .create(
          tenPercent({
            actions: [{ type: 'order_percent', percent: 150 }],
            conditions: { field: 'cart.nope', op: 'eq', value: 1 },
          }),
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleValidationError);
      const paths = (error as RuleValidationError).issues.map((issue) => issue.path);
      expect(paths).toContain('$.actions[0].percent');
      expect(await promotions.list()).toEqual([]);
    });

    it('keeps coupon codes unique among active promotions, whatever their case', async () => {
      const { promotions } = await setup();
      await promotions.create(tenPercent({ id: 'a', codes: ['Spring'] }));
      await expect(promotions.create(tenPercent({ id: 'b', codes: ['SPRING'] }))).rejects.toMatchObject({
        code: 'code_taken',
        status: 409,
      });
      await promotions.create(tenPercent({ id: 'draft', status: 'draft', codes: ['spring'] }));
      await expect(promotions.update('draft', tenPercent({ codes: ['spring'] }))).rejects.toMatchObject({
        code: 'code_taken',
      });
      await promotions.archive('a');
      expect((await promotions.update('draft', tenPercent({ codes: ['spring'] }))).status).toBe('active');
    });

    it('archives as a new version and lists by status', async () => {
      const { promotions } = await setup();
      await promotions.create(tenPercent({ id: 'a' }));
      await promotions.create(tenPercent({ id: 'b', status: 'draft' }));
      const archived = await promotions.archive('a');
      expect(archived).toMatchObject({ version: 2, status: 'archived' });
      expect(await promotions.archive('a')).toMatchObject({ version: 2 });
      expect((await promotions.list({ status: 'archived' })).map((p) => p.id)).toEqual(['a']);
      expect((await promotions.list()).map((p) => p.id).sort()).toEqual(['a', 'b']);
    });

    it('compiles only active promotions into the current rules, and drops the cache on every write', async () => {
      const { promotions } = await setup();
      await promotions.create(tenPercent({ id: 'a' }));
      await promotions.create(tenPercent({ id: 'b', status: 'draft' }));
      expect((await promotions.current()).ruleSet.promotions.map((p) => p.id)).toEqual(['a']);
      expect(await promotions.current()).toBe(await promotions.current());
      await promotions.update('b', tenPercent());
      expect((await promotions.current()).ruleSet.promotions.map((p) => p.id)).toEqual(['a', 'b']);
      await promotions.archive('a');
      expect((await promotions.current()).ruleSet.promotions.map((p) => p.id)).toEqual(['b']);
      await promotions.replacePolicies({ returns: { defaultDays: 14 } });
      expect((await promotions.current()).policies.returns?.defaultDays).toBe(14);
    });

    it('sees another server’s writes once its cache time has passed', async () => {
      const { store, clock, promotions } = await setup();
      const other = createPromotionService({ store, clock, cacheTtlMs: 1000 });
      expect((await other.current()).ruleSet.promotions).toEqual([]);
      await promotions.create(tenPercent({ id: 'a' }));
      expect((await other.current()).ruleSet.promotions).toEqual([]);
      clock.advance(1000);
      expect((await other.current()).ruleSet.promotions.map((p) => p.id)).toEqual(['a']);
    });

    it('versions the policies and refuses a bad policy document', async () => {
      const { promotions } = await setup();
      expect(await promotions.getPolicies()).toBeNull();
      await promotions.replacePolicies({ returns: { defaultDays: 30 } });
      await promotions.replacePolicies({ returns: { defaultDays: 14 } });
      expect(await promotions.getPolicies()).toMatchObject({
        version: 2,
        document: { returns: { defaultDays: 14 } },
      });
      expect((await promotions.getPolicies(1))?.document.returns?.defaultDays).toBe(30);
      await expect(promotions.replacePolicies({ returns: { defaultDays: -1 } })).rejects.toBeInstanceOf(
        RuleValidationError,
      );
      await expect(promotions.replacePolicies({}, { expectedVersion: 1 })).rejects.toMatchObject({
        code: 'version_conflict',
      });
    });
  });

  describe('usage', () => {
    it('lets exactly three of ten concurrent orders use a promotion limited to three uses', async () => {
      const { store, promotions } = await setup();
      await promotions.create(tenPercent({ id: 'three', limits: { totalUses: 3 } }));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => record(store, promotions, `order-${i}`, use('three'))),
      );
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(outcomes.length - failures.length).toBe(3);
      expect(
        failures.every((f) => PromotionLimitError.isInstance(f) && f.code === 'usage_limit_reached'),
      ).toBe(true);
      expect(await promotions.usage(['three'], null)).toEqual({
        three: { uses: 3, spent: 300, customerUses: 0 },
      });
    });

    it('holds each customer to the per-customer limit and counts others apart', async () => {
      const { store, promotions } = await setup();
      await promotions.create(tenPercent({ id: 'once', limits: { perCustomerUses: 1 } }));
      await record(store, promotions, 'o1', use('once', 100, 'alice'));
      await expect(record(store, promotions, 'o2', use('once', 100, 'alice'))).rejects.toMatchObject({
        code: 'usage_limit_reached',
        limit: 'customer_uses',
      });
      await record(store, promotions, 'o3', use('once', 100, 'bob'));
      expect(await promotions.usage(['once'], 'alice')).toEqual({
        once: { uses: 2, spent: 200, customerUses: 1 },
      });
    });

    it('refuses a use that would pass the spend budget and records nothing of that order', async () => {
      const { store, promotions } = await setup();
      await promotions.create(tenPercent({ id: 'budget', limits: { budget: 1000 } }));
      await promotions.create(tenPercent({ id: 'free' }));
      await record(store, promotions, 'o1', use('budget', 700));
      const both = store.transaction((trx) =>
        promotions.recordUsage(trx, [use('free', 50), use('budget', 301)], {
          orderId: 'o2',
          customerId: null,
        }),
      );
      await expect(both).rejects.toMatchObject({ code: 'budget_exhausted', status: 409 });
      expect(await promotions.usage(['budget', 'free'], null)).toEqual({
        budget: { uses: 1, spent: 700, customerUses: 0 },
        free: { uses: 0, spent: 0, customerUses: 0 },
      });
      await record(store, promotions, 'o3', use('budget', 300));
      expect((await promotions.usage(['budget'], null)).budget?.spent).toBe(1000);
    });

    it('gives an order’s uses back exactly once, even when asked twice at the same time', async () => {
      const { store, promotions } = await setup();
      await promotions.create(tenPercent({ id: 'once', limits: { totalUses: 1, perCustomerUses: 1 } }));
      await record(store, promotions, 'o1', use('once', 250, 'alice'));
      await Promise.all([
        store.transaction((trx) => promotions.revertUsage(trx, 'o1')),
        store.transaction((trx) => promotions.revertUsage(trx, 'o1')),
      ]);
      await promotions.revertUsage(store.db, 'o1');
      expect(await promotions.usage(['once'], 'alice')).toEqual({
        once: { uses: 0, spent: 0, customerUses: 0 },
      });
      await record(store, promotions, 'o2', use('once', 250, 'alice'));
      expect((await promotions.usage(['once'], 'alice')).once).toEqual({
        uses: 1,
        spent: 250,
        customerUses: 1,
      });
    });

    it('counts a retried order once', async () => {
      const { store, promotions } = await setup();
      await promotions.create(tenPercent({ id: 'a' }));
      await record(store, promotions, 'o1', use('a'));
      await record(store, promotions, 'o1', use('a'));
      expect((await promotions.usage(['a'], null)).a?.uses).toBe(1);
    });
  });

  describe('dry run and sample', () => {
    const cart: PricingContext = {
      currency: 'TWD',
      now: Date.UTC(2026, 2, 10, 2),
      destination: { country: 'TW' },
      lines: [
        {
          id: 'l1',
          productId: 'p1',
          variantId: 'v1',
          quantity: 3,
          unitPrice: 14900,
          categoryPath: ['Apparel', 'Socks'],
        },
        { id: 'l2', productId: 'p2', variantId: 'v2', quantity: 1, unitPrice: 350000 },
      ],
      customer: { id: 'c1', tier: 'member', firstOrder: true },
      coupons: ['welcome10'],
    };

    it('prices a cart under a draft exactly as the engine does, storing nothing', async () => {
      const { promotions } = await setup();
      const document = sampleRuleSetDocument({
        socks: selectors.sockSelector,
        clearance: selectors.clearanceSelector,
      });
      const result = await promotions.dryRun({ cart, draft: document });
      expect(result).toEqual(priceCart(cart, loadRuleSet(document)));
      expect(result.applied.length).toBeGreaterThan(0);
      expect(await promotions.list()).toEqual([]);
    });

    it('lays draft promotions over the current ones', async () => {
      const { promotions } = await setup();
      await promotions.create(tenPercent({ id: 'ten' }));
      const draft: PromotionDocument = {
        id: 'ten',
        version: 9,
        name: 'Twenty',
        status: 'active',
        actions: [{ type: 'order_percent', percent: 20 }],
      };
      const result = await promotions.dryRun({ cart: { ...cart, coupons: [] }, draft: [draft] });
      expect(result).toEqual(
        priceCart({ ...cart, coupons: [], usage: {} }, loadRuleSet({ currency: 'TWD', promotions: [draft] })),
      );
      const current = await promotions.dryRun({ cart: { ...cart, coupons: [] } });
      expect(current.applied.map((a) => [a.promotionId, a.version])).toEqual([['ten', 1]]);
    });

    it('seeds the sample promotions and policies once, keeping what is there', async () => {
      const { promotions } = await setup();
      const first = await promotions.seedSample({ currency: 'TWD', ...selectors });
      expect(first.policies).toBe('created');
      expect(first.created).toContain('welcome-10');
      await promotions.update('welcome-10', {
        ...(await promotions.get('welcome-10')).document,
        name: 'Welcome!',
      });
      const again = await promotions.seedSample(selectors);
      expect(again).toEqual({ created: [], kept: first.created, policies: 'kept' });
      expect((await promotions.get('welcome-10')).name).toBe('Welcome!');
      const { ruleSet } = await promotions.current();
      expect(ruleSet.timeZone).toBe('Asia/Taipei');
      expect(ruleSet.promotions).toHaveLength(first.created.length);
      await expect(promotions.seedSample({ currency: 'USD', ...selectors })).rejects.toMatchObject({
        code: 'currency_mismatch',
      });
    });
  });
});
