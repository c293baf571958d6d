import { describe, expect, it } from 'vitest';
import { entityKey } from './entity-key.js';
import { scanMessage } from './message-scan.js';
import { readPrices } from './read-price.js';
import { readReferences } from './read-references.js';
import type { Entity } from './types.js';

function prices(text: string, currency = 'TWD'): Entity[] {
  const scan = scanMessage(text, currency);
  readReferences(scan);
  return readPrices(scan);
}

function keys(text: string, currency = 'TWD'): string[] {
  return prices(text, currency).map(entityKey);
}

describe('readPrices', () => {
  it.each([
    ['under 3000', 'price:max=3000'],
    ['below $50', 'price:max=50'],
    ['NT$500以下', 'price:max=500'],
    ['3000元以內', 'price:max=3000'],
    ['預算兩千', 'price:max=2000'],
    ['over 5,000', 'price:min=5000'],
    ['5000以上', 'price:min=5000'],
    ['between 50 and 80', 'price:range=50-80'],
    ['50-80', 'price:range=50-80'],
    ['兩千到三千', 'price:range=2000-3000'],
    ['介於1000到2000之間', 'price:range=1000-2000'],
    ['around 2000', 'price:around=2000'],
    ['2000左右', 'price:around=2000'],
    ['三千塊左右', 'price:around=3000'],
    ['cheaper', 'price:cheaper'],
    ['便宜一點', 'price:cheaper'],
    ['more premium', 'price:pricier'],
    ['under 3k', 'price:max=3000'],
  ])('reads "%s" as %s', (text, key) => {
    expect(keys(text)).toEqual([key]);
  });

  it('keeps amounts in minor units of the store currency', () => {
    const [twd] = prices('under 3000', 'TWD');
    const [usd] = prices('below $49.99', 'USD');
    const [jpy] = prices('under 3000', 'JPY');
    expect(twd).toMatchObject({
      price: { kind: 'range', min: null, max: { amount: 300_000, currency: 'TWD' } },
    });
    expect(usd).toMatchObject({ price: { max: { amount: 4999, currency: 'USD' } } });
    expect(jpy).toMatchObject({ price: { max: { amount: 3000, currency: 'JPY' } } });
  });

  it('leaves durations, counts, sizes and references alone', () => {
    expect(keys('within 7 days')).toEqual([]);
    expect(keys('about 2 pairs')).toEqual([]);
    expect(keys('in size 27')).toEqual([]);
    expect(keys('the cheaper one')).toEqual([]);
    expect(keys('便宜的那件')).toEqual([]);
    expect(keys('a 2-3 person tent')).toEqual([]);
  });

  it('reads a bare number after a body measure as that measure, and a marked amount as a price', () => {
    expect(keys('孩子身高大概140')).toEqual([]);
    expect(keys('his height is about 150')).toEqual([]);
    expect(keys('身高140，預算大概1500元')).toEqual(['price:around=1500']);
  });
});
