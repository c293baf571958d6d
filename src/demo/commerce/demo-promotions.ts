/**
 * The sample promotions and policies (rules/sample.ts) pointed at the demo catalog: socks are
 * the Clothing › Socks category, clearance is the `clearance` tag, and both tiers are members.
 */

import type { PromotionService, SeedSampleResult } from '../../promotions/index.js';
import type { ItemSelector } from '../../rules/index.js';

export const DEMO_SOCKS: ItemSelector = { categories: ['Socks'] };
export const DEMO_CLEARANCE: ItemSelector = { tags: ['clearance'] };
/** VIPs are members too: the members' discount and the 60-day returns apply to both. */
export const DEMO_MEMBER_TIERS: readonly string[] = ['member', 'vip'];

export function seedDemoPromotions(
  promotions: Pick<PromotionService, 'seedSample'>,
): Promise<SeedSampleResult> {
  return promotions.seedSample({
    currency: 'TWD',
    sockSelector: DEMO_SOCKS,
    clearanceSelector: DEMO_CLEARANCE,
    memberTiers: DEMO_MEMBER_TIERS,
  });
}
