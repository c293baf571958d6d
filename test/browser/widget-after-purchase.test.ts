/**
 * A returning shopper: identifies with name and postal code, sees an order's status card, and
 * returns an item after a preview that states the refund, confirmed with the card's Yes; then
 * pays a new cart in one tap with the card saved on the account. The demo store's first customer
 * has a delivered order, A1001, and a saved Visa.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../src/demo/index.js';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { WidgetDriver } from './widget-driver.js';

describeBrowser('chat widget: after the purchase', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const shopper = DEMO_CUSTOMERS[0];
  const postalCode = shopper?.input.addresses?.[0]?.postalCode;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });

  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = pageErrors(page);
  });

  afterEach(() => page.context().close());

  /** A new session on the storefront, signed in as the demo customer by name and postal code. */
  async function identified(): Promise<WidgetDriver> {
    if (shopper === undefined || postalCode === undefined) throw new Error('the demo store has no customer');
    const widget = new WidgetDriver(page);
    await page.goto(`${server.baseUrl}/?lang=en`);
    await widget.composer.waitFor();
    await widget.say(`I'm ${shopper.name}, postal code ${postalCode}`);
    return widget;
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an order’s status and returns an item after previewing the refund', {
    timeout: 120_000,
  }, async () => {
    const widget = await identified();

    const status = await widget.say('Order A1001');
    const card = status.locator('.aisle-order-card');
    expect(await card.locator('.aisle-order-number').textContent()).toBe('A1001');
    expect(await card.locator('.aisle-status').textContent()).toContain('Delivered');

    // The order card's chips offer the return; the first item is the one returned.
    await widget.replyTo(() => page.getByRole('button', { name: 'Return items from A1001' }).click());
    const choice = page.getByRole('list', { name: 'Suggested replies' }).getByRole('button').first();
    const preview = await widget.replyTo(() => choice.click());
    expect(await preview.textContent()).toMatch(/refunded/);
    const confirm = preview.getByRole('group', { name: 'Please confirm' });
    await screenshot(page, 'widget-50-return-preview');

    const done = await widget.replyTo(() => confirm.getByRole('button', { name: 'Yes, confirm' }).click());
    expect(await done.textContent()).toMatch(/return/i);
    // The answered question cannot be answered twice.
    expect(await preview.getByRole('button', { name: 'Yes, confirm' }).isDisabled()).toBe(true);
    await screenshot(page, 'widget-51-return-opened');

    const order = await fetch(
      `${server.baseUrl}/v1/orders/A1001?email=${encodeURIComponent(shopper?.input.email ?? '')}`,
    ).then((response) => response.json() as Promise<{ status: string }>);
    expect(order.status).toBe('return_requested');
    expect(errors).toEqual([]);
  });

  it('pays in one tap with the saved card, after an explicit yes', { timeout: 120_000 }, async () => {
    const widget = await identified();
    await widget.addFirstAvailable(await widget.findProducts('I need a tent'));
    // A known shopper with a saved card is offered it at once, with the total, for an explicit yes.
    const preview = await widget.say('Check out');
    const confirm = preview.getByRole('group', { name: 'Please confirm' });
    expect(await confirm.textContent()).toMatch(/Visa •••• 4242/);
    await screenshot(page, 'widget-52-saved-card-confirm');
    const paid = await widget.replyTo(() => confirm.getByRole('button', { name: 'Yes, confirm' }).click());
    const number = ((await paid.locator('.aisle-order-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^A\d+$/);
    await screenshot(page, 'widget-53-saved-card-paid');

    const order = await fetch(
      `${server.baseUrl}/v1/orders/${number}?email=${encodeURIComponent(shopper?.input.email ?? '')}`,
    ).then((response) => response.json() as Promise<{ status: string }>);
    expect(order.status).toBe('pending');
    expect(errors).toEqual([]);
  });
});
