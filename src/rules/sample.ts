/**
 * The demo store's promotions and policies, in TWD, as data. It names no catalog ids: the caller
 * says which tags or categories mean "socks" and "clearance", and which tiers are members.
 */
import { ValidationError } from '../core/index.js';
import type { Condition } from './conditions.js';
import type { PolicySetDocument } from './policy-schema.js';
import { loadRuleSet, type RuleSet, type RuleSetDocument } from './rule-set.js';

export interface ItemSelector {
  readonly tags?: readonly string[];
  readonly categories?: readonly string[];
}

export interface SampleRulesOptions {
  readonly socks: ItemSelector;
  readonly clearance: ItemSelector;
  readonly memberTiers?: readonly string[];
  /** Percent off for members (default 5). */
  readonly memberPercent?: number;
  /** Percent off clearance items (default 30). */
  readonly clearancePercent?: number;
  /** Free shipping from this merchandise subtotal, minor units (default NT$990). */
  readonly freeShippingOver?: number;
}

/** TWD has two minor digits in ISO 4217: NT$1 is 100 minor units. */
const NT = (dollars: number) => dollars * 100;

function selects(selector: ItemSelector): Condition {
  const parts: Condition[] = [];
  if (selector.tags?.length) parts.push({ field: 'line.tags', op: 'in', value: [...selector.tags] });
  if (selector.categories?.length)
    parts.push({ field: 'line.categoryPath', op: 'in', value: [...selector.categories] });
  if (parts.length === 0) throw new ValidationError('an item selector needs tags or categories');
  return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
}

type ReturnRuleDocument = NonNullable<NonNullable<PolicySetDocument['returns']>['rules']>[number];

/** Return rules match on every key they name, so tags and categories each get their own rule. */
function clearanceReturnRules(selector: ItemSelector): ReturnRuleDocument[] {
  const base = { priority: 10, days: 7, refundMethods: ['store_credit' as const] };
  const rules: ReturnRuleDocument[] = [];
  if (selector.categories?.length) {
    rules.push({
      ...base,
      id: 'clearance-categories-7-days',
      match: { categories: [...selector.categories] },
    });
  }
  if (selector.tags?.length)
    rules.push({ ...base, id: 'clearance-tags-7-days', match: { tags: [...selector.tags] } });
  return rules;
}

export function sampleRuleSetDocument(options: SampleRulesOptions): RuleSetDocument {
  const memberTiers = [...(options.memberTiers ?? ['member'])];
  const freeOver = options.freeShippingOver ?? NT(990);
  const clearanceItems = selects(options.clearance);
  return {
    currency: 'TWD',
    timeZone: 'Asia/Taipei',
    promotions: [
      {
        id: 'clearance-sale',
        version: 1,
        name: 'Clearance sale',
        status: 'active',
        priority: 10,
        exclusive: true,
        conditions: { lines: clearanceItems },
        actions: [{ type: 'item_percent', percent: options.clearancePercent ?? 30, items: clearanceItems }],
      },
      {
        id: 'welcome-10',
        version: 1,
        name: 'WELCOME10 first-order discount',
        status: 'active',
        priority: 50,
        stackGroup: 'order-discount',
        codes: ['WELCOME10'],
        conditions: { field: 'customer.firstOrder', op: 'eq', value: true },
        actions: [{ type: 'order_percent', percent: 10 }],
        limits: { perCustomerUses: 1 },
      },
      {
        id: 'socks-buy-2-get-1',
        version: 1,
        name: 'Socks: buy 2, get 1 free',
        status: 'active',
        priority: 40,
        actions: [{ type: 'buy_x_get_y', buy: 2, get: 1, items: selects(options.socks) }],
      },
      {
        id: 'members-discount',
        version: 1,
        name: 'Members discount',
        status: 'active',
        priority: 70,
        stackGroup: 'members',
        combinableWith: ['shipping'],
        conditions: { field: 'customer.tier', op: 'in', value: memberTiers },
        actions: [{ type: 'order_percent', percent: options.memberPercent ?? 5 }],
      },
      {
        id: 'spend-and-save',
        version: 1,
        name: 'Spend and save',
        status: 'active',
        priority: 100,
        stackGroup: 'order-discount',
        actions: [
          {
            type: 'tiered',
            tiers: [
              { minSubtotal: NT(3000), amount: NT(300) },
              { minSubtotal: NT(5000), amount: NT(600) },
            ],
          },
        ],
      },
      {
        id: 'pickup-shipping-free',
        version: 1,
        name: 'Free convenience-store pickup over NT$500',
        status: 'active',
        priority: 200,
        stackGroup: 'shipping',
        conditions: { field: 'cart.subtotal', op: 'gte', value: NT(500) },
        actions: [{ type: 'shipping', percent: 100, options: ['cvs-pickup'] }],
      },
    ],
    policies: {
      returns: {
        defaultDays: 30,
        refundMethods: ['original', 'store_credit'],
        rules: [
          ...clearanceReturnRules(options.clearance),
          { id: 'members-60-days', priority: 20, match: { tiers: memberTiers }, days: 60 },
        ],
      },
      transitions: [
        { action: 'cancel', states: ['pending', 'paid'] },
        { action: 'modify', states: ['pending'] },
        { action: 'return', states: ['delivered'] },
        { action: 'exchange', states: ['delivered'], reasons: ['wrong_size', 'defective', 'wrong_item'] },
      ],
      shipping: {
        timeZone: 'Asia/Taipei',
        options: [
          {
            id: 'home-delivery',
            name: { en: 'Home delivery', 'zh-TW': '宅配到府' },
            regions: [{ country: 'TW' }],
            fee: NT(100),
            weightBands: [
              { maxGrams: 5000, fee: NT(100) },
              { maxGrams: 20000, fee: NT(160) },
            ],
            maxWeightGrams: 20000,
            freeOver,
            businessDays: { min: 1, max: 2 },
            cutoffHour: 15,
          },
          {
            id: 'cvs-pickup',
            name: { en: 'Convenience-store pickup', 'zh-TW': '超商取貨' },
            regions: [{ country: 'TW' }],
            fee: NT(60),
            maxWeightGrams: 5000,
            freeOver,
            businessDays: { min: 2, max: 4 },
            cutoffHour: 12,
          },
        ],
      },
      tax: [
        {
          id: 'tw-vat',
          name: { en: 'VAT 5%', 'zh-TW': '營業稅 5%' },
          country: 'TW',
          rate: 5,
          inclusive: true,
        },
      ],
    },
  };
}

export function buildSampleRuleSet(options: SampleRulesOptions): RuleSet {
  return loadRuleSet(sampleRuleSetDocument(options));
}
