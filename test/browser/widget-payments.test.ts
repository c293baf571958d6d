/**
 * Paying in the chat when the card does not simply go through: a declined card explained in plain
 * words and then a good one, and a card whose bank asks for 3-D Secure. Both reach checkout from
 * the cart drawer, which shows the rules' quote and takes a coupon.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { WidgetDriver } from './widget-driver.js';

interface PlacedOrder {
  readonly number: string;
  readonly status: string;
  readonly payments: readonly { readonly type: string; readonly status: string; readonly label: string }[];
}

/** What paid for the order: one entry per tender (captures and refunds are separate entries). */
function tenders(order: PlacedOrder): { status: string; label: string }[] {
  return order.payments
    .filter((payment) => payment.type === 'payment')
    .map(({ status, label }) => ({ status, label }));
}

describeBrowser('chat widget: declined cards and 3-D Secure', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });

  beforeEach(async () => {
    // A fresh context is a new shopper: no session or cart carried over in local storage.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = pageErrors(page);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await screenshot(page, `failed-${context.task.name.slice(0, 40)}`);
    await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Finds and adds a product by chatting, then checks out from the cart drawer up to the card form. */
  async function reachPayment(widget: WidgetDriver, email: string): Promise<void> {
    await page.goto(`${server.baseUrl}/?lang=en`);
    await widget.composer.waitFor();
    await widget.addFirstAvailable(await widget.findProducts('I need a tent'));
    await page.getByRole('button', { name: /^Cart, 1 item/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Cart' });
    await drawer.getByRole('button', { name: 'Checkout' }).waitFor();
    await drawer.getByLabel('Coupon code').fill('NOSUCHCODE');
    await drawer.getByRole('button', { name: 'Apply' }).click();
    await drawer.locator('.aisle-coupon-refused').waitFor();
    await screenshot(page, 'widget-10-cart-drawer-refused-coupon');
    await drawer.getByRole('button', { name: 'Checkout' }).click();
    await widget.fillAddressAndDelivery(email);
  }

  async function orderNumber(widget: WidgetDriver): Promise<string> {
    const done = widget.checkoutSheet.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Your order is placed');
    return ((await done.locator('.aisle-order-number').textContent()) ?? '').trim();
  }

  async function fetchOrder(number: string, email: string): Promise<PlacedOrder> {
    const response = await fetch(
      `${server.baseUrl}/v1/orders/${encodeURIComponent(number)}?email=${encodeURIComponent(email)}`,
    );
    expect(response.status).toBe(200);
    return (await response.json()) as PlacedOrder;
  }

  it('explains a declined card in plain words, then takes another card', { timeout: 120_000 }, async () => {
    const widget = new WidgetDriver(page);
    await reachPayment(widget, 'declined@example.com');
    await widget.payWithCard('4000 0000 0000 0002');
    const problem = widget.checkoutSheet.getByRole('alert');
    await expect
      .poll(() => problem.textContent(), { timeout: 20_000 })
      .toContain('Your bank declined this card');
    await screenshot(page, 'widget-11-card-declined');

    await widget.payWithCard('4242 4242 4242 4242');
    const number = await orderNumber(widget);
    const order = await fetchOrder(number, 'declined@example.com');
    expect(order.status).toBe('pending');
    expect(tenders(order)).toEqual([{ status: 'captured', label: 'Visa •••• 4242' }]);
    expect(errors.filter((error) => !error.includes('402'))).toEqual([]);
  });

  it('opens the bank’s 3-D Secure page in the chat and finishes the order once approved', {
    timeout: 120_000,
  }, async () => {
    const widget = new WidgetDriver(page);
    await reachPayment(widget, 'secure@example.com');
    await widget.payWithCard('4000 0027 6000 3184');
    const bank = page.frameLocator('iframe[title="Bank verification"]');
    const approve = bank.getByRole('button', { name: /Approve/ });
    await approve.waitFor({ timeout: 20_000 });
    await screenshot(page, 'widget-12-three-d-secure');
    await approve.click();

    const number = await orderNumber(widget);
    await screenshot(page, 'widget-13-three-d-secure-paid');
    const order = await fetchOrder(number, 'secure@example.com');
    expect(tenders(order)).toEqual([{ status: 'captured', label: 'Visa •••• 3184' }]);
    expect(errors).toEqual([]);
  });
});
