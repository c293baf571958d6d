import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.js';

describe('configuration', () => {
  it('runs on defaults with no variables set: SQLite, port 3000, sandbox payments', () => {
    const config = loadConfig({});
    expect(config.db).toBe('sqlite:./data/aisle.db');
    expect(config.port).toBe(3000);
    expect(config.adminKey).toBeUndefined();
    expect(config.payments.provider).toBe('sandbox');
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      AISLE_DB: 'postgres://u:p@h/db',
      AISLE_PORT: '8080',
      AISLE_ADMIN_KEY: 'k'.repeat(12),
      AISLE_CURRENCY: 'USD',
      AISLE_LOW_STOCK: '5',
      AISLE_PAYMENTS: 'stripe',
      AISLE_STRIPE_SECRET_KEY: 'sk_test_x',
      AISLE_STRIPE_WEBHOOK_SECRET: 'whsec_x',
    });
    expect(config).toMatchObject({
      db: 'postgres://u:p@h/db',
      port: 8080,
      currency: 'USD',
      lowStockThreshold: 5,
    });
    expect(config.payments).toEqual({ provider: 'stripe', secretKey: 'sk_test_x', webhookSecret: 'whsec_x' });
  });

  it.each([
    [{ AISLE_PORT: 'eighty' }, 'AISLE_PORT'],
    [{ AISLE_ADMIN_KEY: 'short' }, 'AISLE_ADMIN_KEY'],
    [{ AISLE_CURRENCY: 'dollars' }, 'AISLE_CURRENCY'],
    [{ AISLE_PAYMENTS: 'stripe' }, 'AISLE_STRIPE_SECRET_KEY'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});
