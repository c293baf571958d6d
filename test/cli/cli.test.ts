import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'feeds');

function aisle(args: string[], db: string) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'aisle.js'), ...args], {
    cwd: root,
    env: { ...process.env, AISLE_DB: db, AISLE_LOG_LEVEL: 'silent', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function freshDb(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'aisle-cli-')), 'aisle.db')}`;
}

// Each case starts real processes; on a loaded 2-core machine that takes seconds apiece.
describe('aisle CLI', { timeout: 240_000 }, () => {
  it('imports a Shopify CSV, then shows and adjusts the stock it set', () => {
    const db = freshDb();
    const imported = aisle(
      ['import', 'shopify', join(fixtures, 'shopify-tea-shop.csv'), '--currency', 'TWD'],
      db,
    );
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/\d+ created, 0 updated, 0 unchanged, 0 skipped/);

    const again = aisle(
      ['import', 'shopify', join(fixtures, 'shopify-tea-shop.csv'), '--currency', 'TWD'],
      db,
    );
    expect(again.out).toMatch(/0 created, 0 updated, \d+ unchanged/);

    const shown = aisle(['inventory', 'show', 'OB-150'], db);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Oriental Beauty Oolong');
    const before = Number(/total available: (\d+)/.exec(shown.out)?.[1]);

    const locations = aisle(['inventory', 'locations'], db);
    const code = locations.out.trim().split(/\s+/)[0]!;
    const adjusted = aisle(
      ['inventory', 'adjust', 'OB-150', '--location', code, '--kind', 'receive', '--quantity', '4'],
      db,
    );
    expect(adjusted.code).toBe(0);
    const after = aisle(['inventory', 'show', 'OB-150'], db);
    expect(Number(/total available: (\d+)/.exec(after.out)?.[1])).toBe(before + 4);
  });

  it('lists bad rows by line, imports the rest, and exits 2', () => {
    const result = aisle(
      ['import', 'shopify', join(fixtures, 'shopify-bad-rows.csv'), '--currency', 'TWD'],
      freshDb(),
    );
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/line \d+/);
    expect(result.out).toMatch(/[1-9]\d* created/);
  });

  it('imports nothing from a file with bad rows under --strict', () => {
    const db = freshDb();
    const result = aisle(['import', 'shopify', join(fixtures, 'shopify-bad-rows.csv'), '--strict'], db);
    expect(result.code).toBe(2);
    expect(result.out).toContain('NOTHING was imported');
    const shown = aisle(['inventory', 'show', 'GEN-100'], db);
    expect(shown.code).toBe(2);
    expect(shown.err).toContain('was not found');
  });

  it.each([
    [['import', 'csv', 'x.csv'], /unknown feed format "csv"/],
    [['import', 'shopify', '/no/such/file.csv'], /no such file/],
    [['seed', 'everything'], /unknown data set "everything"/],
    [
      ['inventory', 'adjust', 'SKU', '--location', 'x', '--kind', 'steal', '--quantity', '1'],
      /--kind must be one of/,
    ],
  ])('refuses %j with a clear message and exit code 2', (args, message) => {
    const result = aisle(args, freshDb());
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it('explains a bad database URL instead of crashing', () => {
    const result = aisle(['inventory', 'locations'], 'mysql://nope');
    expect(result.code).toBe(2);
    expect(result.err).toContain('AISLE_DB must start with sqlite: or postgres://');
  });
});
