import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const customerFixtures = join(root, 'test', 'fixtures', 'customers');
const work = mkdtempSync(join(tmpdir(), 'aisle-commerce-cli-'));
const db = `sqlite:${join(work, 'aisle.db')}`;

function aisle(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'aisle.js'), ...args], {
    cwd: root,
    env: { ...process.env, AISLE_DB: db, AISLE_LOG_LEVEL: 'silent', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// Every case starts a real process against one demo store; on a loaded 2-core machine each
// takes seconds, so the cases share the seed and stay few.
describe('aisle commerce commands', { timeout: 300_000 }, () => {
  beforeAll(() => {
    const seeded = aisle(['seed', 'demo']);
    expect(seeded.err).toBe('');
    expect(seeded.code).toBe(0);
  }, 300_000);

  it('shows an order with its lines, promotion names, totals, payments and timeline', () => {
    const shown = aisle(['orders', 'show', 'A1001']);
    expect(shown.err).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^order A1001 .* delivered$/m);
    expect(shown.out).toContain('Socks: buy 2, get 1 free');
    expect(shown.out).toMatch(/^total {4}NT\$[\d,]+(?:\.\d\d)?$/m);
    expect(shown.out).toMatch(/^ {2}payment +NT\$[\d,]+(?:\.\d\d)? .* captured$/m);
    expect(shown.out).toMatch(/order-placed by checkout[\s\S]*order-delivered/);
  });

  it("lists a customer's orders by email as JSON", () => {
    const listed = aisle(['orders', 'list', '--customer', 'YICHUN.LIN@example.com', '--json']);
    expect(listed.code).toBe(0);
    const orders = JSON.parse(listed.out) as { number: string; status: string }[];
    expect(orders.map((order) => [order.number, order.status]).sort()).toEqual([
      ['A1001', 'delivered'],
      ['A1002', 'pending'],
    ]);
  });

  it('previews a cancellation with the refund per method, then cancels as previewed', () => {
    const preview = aisle(['orders', 'cancel', 'A1002', '--reason', 'ordered twice', '--preview']);
    expect(preview.err).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('cancelling order A1002 will:');
    const total = /refund total: (NT\$[\d,.]+)/.exec(preview.out)?.[1];
    expect(total).toMatch(/^NT\$[1-9]/);
    // 林怡君 paid her pending order with her saved PayPal wallet: all of it goes back there.
    expect(preview.out).toContain(`  refund ${total} to PayPal\n`);
    expect(preview.out).toContain('order status afterwards: cancelled');

    // The preview changed nothing: the order is still pending, and cancelling refunds the same.
    const cancelled = aisle(['orders', 'cancel', 'A1002', '--reason', 'ordered twice']);
    expect(cancelled.err).toBe('');
    expect(cancelled.code).toBe(0);
    expect(cancelled.out).toContain('order A1002 cancelled');
    expect(cancelled.out).toContain(`  refund ${total} to PayPal\n`);
    expect(cancelled.out).toContain(`refunded in total: ${total}`);
  });

  it('ships a processed order with its carrier and tracking number', () => {
    const shipped = aisle([
      'orders',
      'fulfil',
      'A1007',
      '--status',
      'shipped',
      '--carrier',
      'T-Cat',
      '--tracking',
      '9083',
    ]);
    expect(shipped.err).toBe('');
    expect(shipped.code).toBe(0);
    expect(shipped.out).toContain('order A1007: processed → shipped (T-Cat 9083)');
  });

  it('refuses a bad promotion with the path of the bad field and exit 2', () => {
    const bad = file('bad-promotion.json', {
      id: 'summer',
      name: 'Summer',
      status: 'active',
      actions: [{ type: 'order_percent', percent: 150 }],
    });
    const added = aisle(['promotions', 'add', bad]);
    expect(added.code).toBe(2);
    expect(added.err).toContain('$.actions[0].percent');
    expect(added.err).not.toMatch(/\n\s+at /);
  });

  it('dry-runs a cart named by SKU with promotion names, rejections and totals', () => {
    const cart = file('cart.json', {
      customer: 'chiaying.wu@example.com',
      coupons: ['WELCOME10', 'NOPE'],
      lines: [{ sku: 'ST-SK-MHC-S-1P', quantity: 3 }],
      destination: { country: 'TW' },
    });
    const draft = file('draft.json', {
      id: 'socks-extra',
      name: 'Sock week',
      status: 'draft',
      actions: [{ type: 'order_fixed', amount: 5000 }],
    });
    const priced = aisle(['promotions', 'dry-run', cart, '--draft', draft]);
    expect(priced.err).toBe('');
    expect(priced.code).toBe(0);
    expect(priced.out).toMatch(/^ {2}line-1: 3 × Merino Hiker Crew Socks .* at NT\$590 = NT\$1,770/m);
    expect(priced.out).toMatch(/^ {2}Socks: buy 2, get 1 free \[socks-buy-2-get-1 v1\]: −NT\$590$/m);
    expect(priced.out).toMatch(/^ {2}Sock week \[socks-extra v1\]: −NT\$50$/m);
    expect(priced.out).toMatch(/^ {2}code "NOPE": .*\[unknown_code\]$/m);
    expect(priced.out).toMatch(/^grand total NT\$[\d,]+(?:\.\d\d)?$/m);
  });

  it('imports customers by line, reporting bad records and exiting 2', () => {
    const imported = aisle(['customers', 'import', join(customerFixtures, 'bad-records.ndjson')]);
    expect(imported.code).toBe(2);
    expect(imported.out).toMatch(/7 records read: 2 created, 0 updated, 5 skipped/);
    expect(imported.out).toMatch(/^ {2}line 2: .*\[invalid_json\]$/m);
    expect(imported.out).toMatch(/^ {2}line 3 \(B-3\): .*\[raw_card_number_rejected\]$/m);
    expect(imported.out).not.toContain('4242 4242');
  });

  it('imports a shop’s customers with their orders and shows one with masked gift cards', () => {
    const feed = file(
      'tea.csv',
      'Handle,Title,Variant SKU,Variant Price\n' +
        'oolong,Oriental Beauty Oolong 150 g,TEA-OOL-150,680.00\n' +
        'green,Wenshan Baozhong 100 g,TEA-GRN-100,450.00\n',
    );
    expect(aisle(['import', 'shopify', feed, '--currency', 'TWD']).code).toBe(0);
    const imported = aisle(['customers', 'import', join(customerFixtures, 'tea-shop-customers.ndjson')]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/3 records read: 3 created, 0 updated, 0 skipped; orders 3 created/);

    const shown = aisle(['customers', 'show', 'C-1001']);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Mei Lin');
    expect(shown.out).toMatch(/^ {2}home: Mei Lin, 12 Heping East Road/m);
    expect(shown.out).toMatch(/^ {2}Visa •••• 4242 \(12\/28\) \(default\)$/m);
    expect(shown.out).toMatch(/^ {2}•••• 0001: NT\$500$/m);
    expect(shown.out).not.toContain('TEA-GIFT-0001');
    expect(shown.out).toContain('store credit: NT$120');
    expect(shown.out).toMatch(/^ {2}#1001 +delivered +NT\$1,292/m);
  });
});
