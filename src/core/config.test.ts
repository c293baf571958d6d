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

  it('reads the assistant variables and passes the language-model ones through untouched', () => {
    const config = loadConfig({
      AISLE_STORE_NAME: 'Hillside Outfitters',
      AISLE_ASSISTANT_NAME: 'Mei',
      AISLE_ROUTER_CONFIDENCE: '0.65',
      AISLE_ROUTER_RULES_INTENTS: 'greeting, add_to_cart,,checkout',
      AISLE_HANDOFF_CART_OVER: '2000000',
      AISLE_CUSTOMER_TOKEN_SECRET: 's'.repeat(32),
      AISLE_LLM: 'openai-compatible',
      AISLE_LLM_MODEL: 'qwen',
      AISLE_LLMX: 'not ours',
    });
    expect(config.assistant).toEqual({
      storeName: 'Hillside Outfitters',
      assistantName: 'Mei',
      routerConfidence: 0.65,
      rulesIntents: ['greeting', 'add_to_cart', 'checkout'],
      handoffCartOver: 2_000_000,
      customerTokenSecret: 's'.repeat(32),
      llm: { AISLE_LLM: 'openai-compatible', AISLE_LLM_MODEL: 'qwen' },
    });
  });

  it('gives the assistant defaults: rules brain at confidence 0.8, no high-value handoff', () => {
    const { assistant } = loadConfig({});
    expect(assistant.routerConfidence).toBe(0.8);
    expect(assistant.rulesIntents).toBeUndefined();
    expect(assistant.handoffCartOver).toBeUndefined();
    expect(assistant.llm).toEqual({});
  });

  it.each([
    [{ AISLE_ROUTER_CONFIDENCE: '1.5' }, 'AISLE_ROUTER_CONFIDENCE'],
    [{ AISLE_HANDOFF_CART_OVER: '99.5' }, 'AISLE_HANDOFF_CART_OVER'],
    [{ AISLE_CUSTOMER_TOKEN_SECRET: 'short' }, 'AISLE_CUSTOMER_TOKEN_SECRET'],
    [{ AISLE_PORT: 'eighty' }, 'AISLE_PORT'],
    [{ AISLE_ADMIN_KEY: 'short' }, 'AISLE_ADMIN_KEY'],
    [{ AISLE_CURRENCY: 'dollars' }, 'AISLE_CURRENCY'],
    [{ AISLE_PAYMENTS: 'stripe' }, 'AISLE_STRIPE_SECRET_KEY'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});
