import { describe, expect, it } from 'vitest';
import { signCustomerToken, verifyCustomerToken } from './customer-token.js';

describe('customer tokens', () => {
  it('verifies a token until it expires', () => {
    const token = signCustomerToken('secret', 'cus_1.with.dots', 2000);
    expect(verifyCustomerToken('secret', token, 1999)).toBe('cus_1.with.dots');
    expect(verifyCustomerToken('secret', token, 2000)).toBeNull();
  });

  it('refuses another secret, a changed customer or expiry, and malformed text', () => {
    const token = signCustomerToken('secret', 'cus_1', 2000);
    expect(verifyCustomerToken('other', token, 0)).toBeNull();
    expect(verifyCustomerToken('secret', token.replace('cus_1', 'cus_2'), 0)).toBeNull();
    expect(verifyCustomerToken('secret', token.replace('.2000.', '.9000.'), 0)).toBeNull();
    for (const text of ['', 'cus_1', 'cus_1.2000', '.2000.abc', 'cus_1.soon.abc']) {
      expect(verifyCustomerToken('secret', text, 0)).toBeNull();
    }
  });
});
