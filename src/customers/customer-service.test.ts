import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/engines.js';
import { ManualClock } from '../core/index.js';
import { createGiftCards, createStoreCredit } from '../payments/index.js';
import type { Store } from '../store/index.js';
import { type CustomerOrdersPort, type CustomerService, createCustomerService } from './index.js';

const home = {
  name: 'Mei Lin',
  line1: '12 Heping East Road',
  city: 'Taipei',
  postalCode: '106',
  country: 'tw',
};

describeEachEngine('customers', (harness) => {
  let store: Store;
  let clock: ManualClock;
  let customers: CustomerService;

  afterAll(() => harness.closeAll());

  beforeEach(async () => {
    store = await harness.open();
    clock = new ManualClock(Date.UTC(2026, 2, 1));
    customers = createCustomerService({
      store,
      clock,
      payments: {
        giftCards: createGiftCards({ store, clock }),
        storeCredit: createStoreCredit({ store, clock }),
      },
    });
  });

  it('creates a customer and reads it back by id, email and external id', async () => {
    const created = await customers.create({
      name: 'Mei Lin',
      email: 'Mei.Lin@Example.com',
      externalId: 'C-1001',
      tier: 'vip',
      tags: ['tea'],
      locale: 'zh-TW',
      marketingConsent: true,
      addresses: [home],
    });
    expect(created).toMatchObject({
      name: 'Mei Lin',
      email: 'Mei.Lin@Example.com',
      externalId: 'C-1001',
      tier: 'vip',
      marketingConsent: true,
      addresses: [{ country: 'TW', postalCode: '106', defaultShipping: true, defaultBilling: true }],
    });
    expect((await customers.get(created.id)).id).toBe(created.id);
    expect((await customers.findByEmail('  mei.lin@EXAMPLE.com '))?.id).toBe(created.id);
    expect((await customers.findByExternalId('C-1001'))?.id).toBe(created.id);
    expect((await customers.find('C-1001'))?.id).toBe(created.id);
    expect((await customers.find('mei.lin@example.com'))?.id).toBe(created.id);
    expect(await customers.find('C-9999')).toBeNull();
  });

  it('refuses a second customer whose email differs only in case', async () => {
    await customers.create({ name: 'A', email: 'shopper@example.com' });
    await expect(customers.create({ name: 'B', email: 'SHOPPER@example.com' })).rejects.toMatchObject({
      code: 'email_taken',
      status: 409,
    });
    const other = await customers.create({ name: 'C', email: 'other@example.com' });
    await expect(customers.update(other.id, { email: 'Shopper@Example.com' })).rejects.toMatchObject({
      code: 'email_taken',
    });
  });

  it('refuses a merchant id that another customer has', async () => {
    await customers.create({ name: 'A', externalId: 'C-1' });
    await expect(customers.create({ name: 'B', externalId: 'C-1' })).rejects.toMatchObject({
      code: 'external_id_taken',
    });
  });

  it('updates fields, clears them with null and leaves the rest', async () => {
    const created = await customers.create({
      name: 'Mei Lin',
      email: 'mei@example.com',
      phone: '+886 2 1234',
      tier: 'member',
    });
    clock.advance(1000);
    const updated = await customers.update(created.id, { tier: 'vip', phone: null, tags: ['wholesale'] });
    expect(updated).toMatchObject({
      name: 'Mei Lin',
      email: 'mei@example.com',
      phone: null,
      tier: 'vip',
      tags: ['wholesale'],
    });
    expect(updated.updatedAt).toBe(created.updatedAt + 1000);
    await expect(customers.update('cus_missing', { tier: 'vip' })).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    await expect(customers.update(created.id, { email: 'not an email' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('moves the default address to a new one that asks for it', async () => {
    const created = await customers.create({ name: 'Mei Lin', addresses: [home] });
    const withOffice = await customers.addAddress(created.id, {
      ...home,
      line1: '1 Xinyi Road',
      postalCode: '110',
      label: 'office',
      defaultShipping: true,
    });
    expect(withOffice.addresses.map((a) => [a.postalCode, a.defaultShipping, a.defaultBilling])).toEqual([
      ['106', false, true],
      ['110', true, false],
    ]);
  });

  it('finds a shopper by name and postal code ignoring case and spacing, and never guesses', async () => {
    const mei = await customers.create({
      name: 'Mei  Lin',
      addresses: [{ ...home, postalCode: 'SW1A 1AA', country: 'GB' }],
    });
    expect((await customers.findByNameAndPostalCode(' mei lin ', 'sw1a1aa'))?.id).toBe(mei.id);
    expect(await customers.findByNameAndPostalCode('Mei Lin', 'SW1A 2AA')).toBeNull();
    expect(await customers.findByNameAndPostalCode('Mei Lim', 'SW1A 1AA')).toBeNull();
    await customers.create({
      name: 'MEI LIN',
      addresses: [{ ...home, postalCode: 'SW1A-1AA', country: 'GB' }],
    });
    expect(await customers.findByNameAndPostalCode('Mei Lin', 'SW1A 1AA')).toBeNull();
  });

  it('saves payment tokens with a display label and one default, and refuses card numbers', async () => {
    const created = await customers.create({ name: 'Mei Lin' });
    const visa = await customers.savePaymentMethod(created.id, {
      token: 'pm_card_visa',
      kind: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 4,
      expYear: 2028,
    });
    expect(visa).toMatchObject({ label: 'Visa •••• 4242 (04/28)', isDefault: true, provider: 'sandbox' });
    const paypal = await customers.savePaymentMethod(created.id, {
      token: 'pm_wallet_paypal',
      kind: 'wallet',
      brand: 'paypal',
      isDefault: true,
    });
    expect(paypal).toMatchObject({ label: 'PayPal', isDefault: true });
    expect((await customers.get(created.id)).paymentMethods.map((m) => [m.token, m.isDefault])).toEqual([
      ['pm_wallet_paypal', true],
      ['pm_card_visa', false],
    ]);
    for (const token of ['4242424242424242', '4242 4242 4242 4242', 'pm_4242-4242-4242-4242']) {
      const refusal = customers.savePaymentMethod(created.id, {
        token,
        kind: 'card',
        brand: 'visa',
        last4: '4242',
      });
      await expect(refusal).rejects.toMatchObject({ code: 'raw_card_number_rejected' });
      await expect(refusal).rejects.not.toThrow(/4242 ?-?4242/);
    }
    const other = await customers.create({ name: 'Someone else' });
    await expect(
      customers.savePaymentMethod(other.id, {
        token: 'pm_card_visa',
        kind: 'card',
        brand: 'visa',
        last4: '4242',
      }),
    ).rejects.toMatchObject({ code: 'payment_method_taken' });
    await customers.removePaymentMethod(created.id, paypal.id);
    expect((await customers.get(created.id)).paymentMethods).toMatchObject([
      { token: 'pm_card_visa', isDefault: true },
    ]);
  });

  it('keeps gift cards issued for a customer with their balances from payments', async () => {
    const created = await customers.create({ name: 'Mei Lin' });
    const { code, giftCard } = await customers.issueGiftCard(created.id, {
      code: 'GIFTMEI12345',
      initialBalance: { amount: 50_000, currency: 'TWD' },
    });
    expect(code).toBe('GIFTMEI12345');
    expect(giftCard).toMatchObject({ label: '•••• 2345', balance: { amount: 50_000, currency: 'TWD' } });
    expect(await customers.giftCards(created.id)).toHaveLength(1);
  });

  it('gives the rules engine facts without personal data', async () => {
    const created = await customers.create({
      name: 'Mei Lin',
      email: 'mei@example.com',
      tier: 'vip',
      segment: 'tea-lovers',
      tags: ['tea'],
      addresses: [
        { ...home, country: 'JP' },
        { ...home, defaultShipping: true },
      ],
    });
    expect(await customers.customerFacts(created.id)).toEqual({
      id: created.id,
      tier: 'vip',
      segment: 'tea-lovers',
      tags: ['tea'],
      firstOrder: true,
      orderCount: 0,
      country: 'TW',
    });
  });

  it('reads order history and the first-order flag through the orders port', async () => {
    const created = await customers.create({ name: 'Mei Lin' });
    const orders: CustomerOrdersPort = {
      listByCustomer: async (customerId) =>
        customerId === created.id
          ? [
              { id: 'ord_1', status: 'cancelled' },
              { id: 'ord_2', status: 'delivered' },
            ]
          : [],
    };
    const withOrders = createCustomerService({
      store,
      clock,
      payments: {
        giftCards: createGiftCards({ store, clock }),
        storeCredit: createStoreCredit({ store, clock }),
      },
      orders,
    });
    expect(await withOrders.orderHistory(created.id)).toHaveLength(2);
    expect(await withOrders.customerFacts(created.id)).toMatchObject({ firstOrder: false, orderCount: 1 });
  });
});
