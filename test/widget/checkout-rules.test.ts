import { describe, expect, it } from 'vitest';
import { SANDBOX_PAYMENT_METHODS } from '../../src/payments/sandbox-payment-methods.js';
import {
  type AddressInput,
  toPostalAddress,
  validateAddress,
} from '../../web/widget/src/checkout/address-rules.js';
import {
  cvcValid,
  expiryValid,
  groupCardNumber,
  luhnValid,
  TEST_CARDS,
  testCardFor,
} from '../../web/widget/src/checkout/test-cards.js';

const address: AddressInput = {
  email: 'mei@example.com',
  name: 'Lin Mei',
  line1: 'No. 7, Sec. 1, Zhongshan Rd',
  line2: '',
  city: 'Taipei',
  region: '',
  postalCode: '100',
  country: 'TW',
  phone: '',
};

describe('widget checkout: address', () => {
  it('accepts a complete address and sends blank optional fields as absent', () => {
    expect(validateAddress(address, true)).toEqual({});
    expect(toPostalAddress({ ...address, line2: '  ', phone: ' 0912 ' })).toEqual({
      name: 'Lin Mei',
      line1: 'No. 7, Sec. 1, Zhongshan Rd',
      city: 'Taipei',
      postalCode: '100',
      country: 'TW',
      phone: '0912',
    });
  });

  it('names each missing field and a malformed email', () => {
    expect(validateAddress({ ...address, name: ' ', city: '', email: 'mei@' }, true)).toEqual({
      name: 'required',
      city: 'required',
      email: 'email',
    });
    expect(validateAddress({ ...address, email: '' }, false)).toEqual({});
  });

  it('checks the postal code by the country’s format', () => {
    expect(validateAddress({ ...address, postalCode: '10048' }, false)).toEqual({});
    expect(validateAddress({ ...address, postalCode: '1004' }, false)).toEqual({ postalCode: 'postal' });
    expect(validateAddress({ ...address, country: 'US', postalCode: '100' }, false)).toEqual({
      postalCode: 'postal',
    });
    expect(validateAddress({ ...address, country: 'US', postalCode: '94103-1234' }, false)).toEqual({});
    expect(validateAddress({ ...address, country: 'JP', postalCode: '100-0001' }, false)).toEqual({});
  });
});

describe('widget checkout: test cards', () => {
  it('maps every test card to a token the sandbox knows, and each number passes the Luhn check', () => {
    for (const card of TEST_CARDS) {
      expect(SANDBOX_PAYMENT_METHODS).toContain(card.token);
      expect(luhnValid(card.number)).toBe(true);
    }
  });

  it('reads a typed number with spaces, and knows no real card', () => {
    expect(testCardFor('4242 4242 4242 4242')?.token).toBe('pm_card_visa');
    expect(testCardFor('4000 0027 6000 3184')?.token).toBe('pm_card_authenticationRequired');
    expect(testCardFor('4000000000000002')?.token).toBe('pm_card_chargeDeclined');
    expect(testCardFor('4111 1111 1111 1111')).toBeNull();
  });

  it('groups digits as they are typed, American Express 4-6-5', () => {
    expect(groupCardNumber('42424242424242424')).toBe('4242 4242 4242 4242 4');
    expect(groupCardNumber('378282246310005')).toBe('3782 822463 10005');
  });

  it('wants an expiry this month or later and a CVC of the card’s length', () => {
    const now = new Date(2026, 10, 26);
    expect(expiryValid('11/26', now)).toBe(true);
    expect(expiryValid('10/26', now)).toBe(false);
    expect(expiryValid('13/30', now)).toBe(false);
    const amex = testCardFor('378282246310005');
    expect(cvcValid('123', amex)).toBe(false);
    expect(cvcValid('1234', amex)).toBe(true);
    expect(cvcValid('123', testCardFor('4242424242424242'))).toBe(true);
  });
});
