import { describe, expect, it } from 'vitest';
import type { ProductCardItem } from '../../web/widget/src/api/types.js';
import {
  describeSelection,
  initialSelection,
  missingOptions,
  selectedVariant,
  selectionValues,
  valueAvailable,
} from '../../web/widget/src/cards/variant-selection.js';

const twd = (amount: number) => ({ amount, currency: 'TWD' });

function variant(id: string, color: string, size: string, available: number) {
  return { variantId: id, options: { Color: color, Size: size }, price: twd(300000), available };
}

const boot: ProductCardItem = {
  productId: 'p1',
  title: 'Trail Boot',
  brand: null,
  price: twd(300000),
  compareAtPrice: null,
  imageUrl: null,
  badges: [],
  stock: { status: 'in_stock', available: 5, pickupToday: [] },
  options: [
    { name: 'Color', values: ['Black', 'Olive'] },
    { name: 'Size', values: ['26', '27'] },
    { name: 'Width', values: ['Regular'] },
  ],
  variants: [
    { ...variant('v1', 'Black', '26', 2), options: { Color: 'Black', Size: '26', Width: 'Regular' } },
    { ...variant('v2', 'Black', '27', 0), options: { Color: 'Black', Size: '27', Width: 'Regular' } },
    { ...variant('v3', 'Olive', '27', 3), options: { Color: 'Olive', Size: '27', Width: 'Regular' } },
  ],
};

describe('widget variant selection', () => {
  it('preselects options with one value and names the ones still to choose', () => {
    const selection = initialSelection(boot);
    expect(selection).toEqual({ Width: 'Regular' });
    expect(missingOptions(boot, selection)).toEqual(['Color', 'Size']);
    expect(selectedVariant(boot, selection)).toBeNull();
  });

  it('finds the variant once every option is chosen', () => {
    expect(selectedVariant(boot, { Width: 'Regular', Color: 'Olive', Size: '27' })?.variantId).toBe('v3');
  });

  it('offers only the values that lead to stock, given the other choices', () => {
    expect(valueAvailable(boot, { Color: 'Black' }, 'Size', '26')).toBe(true);
    expect(valueAvailable(boot, { Color: 'Black' }, 'Size', '27')).toBe(false);
    expect(valueAvailable(boot, { Color: 'Olive' }, 'Size', '27')).toBe(true);
    // Changing a choice is judged without the old value of that same option.
    expect(valueAvailable(boot, { Color: 'Black', Size: '26' }, 'Color', 'Olive')).toBe(false);
  });

  it('describes the choice in the words the assistant reads and the cart shows', () => {
    const selection = { Width: 'Regular', Color: 'Black', Size: '26' };
    expect(describeSelection(boot, selection)).toBe('Color Black, Size 26');
    expect(selectionValues(boot, selection)).toBe('Black / 26');
  });
});
