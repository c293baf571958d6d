/**
 * A new shopper on the demo storefront: finds a product by chatting, picks a size, pays in the
 * chat with the test Visa, and gets an order the API knows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { WidgetDriver } from './widget-driver.js';

describeBrowser('chat widget: a purchase in the chat', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = pageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes a new shopper from a question to a paid order the API knows', { timeout: 120_000 }, async () => {
    const widget = new WidgetDriver(page);
    await page.goto(`${server.baseUrl}/?lang=en`);
    await widget.composer.waitFor();
    const greeting = widget.lastReply();
    await expect.poll(() => greeting.textContent()).toContain('AI');
    expect(await page.getByText('AI assistant · replies are automated').isVisible()).toBe(true);
    expect(
      await page.locator('.aisle-person-bar').getByRole('button', { name: 'Talk to a person' }).isVisible(),
    ).toBe(true);
    await screenshot(page, 'widget-01-storefront');
    await screenshot(page, 'widget-01-greeting');

    const cards = await widget.findProducts('I need waterproof hiking shoes');
    await screenshot(page, 'widget-02-product-cards');
    const added = await widget.addFirstAvailable(cards);
    expect(await added.textContent()).toMatch(/added/i);
    await expect.poll(() => page.getByRole('button', { name: /^Cart, 1 item/ }).count()).toBe(1);
    await screenshot(page, 'widget-03-added-to-cart');

    const checkoutReply = await widget.say('Check out');
    await checkoutReply.getByRole('button', { name: 'Check out in chat' }).click();
    await screenshot(page, 'widget-04-checkout-address');
    await widget.fillAddressAndDelivery('mei@example.com');
    await screenshot(page, 'widget-05-payment');
    await widget.payWithCard('4242 4242 4242 4242');

    const done = widget.checkoutSheet.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('Your order is placed');
    const number = ((await done.locator('.aisle-order-number').textContent()) ?? '').trim();
    await screenshot(page, 'widget-06-confirmation');

    const response = await fetch(
      `${server.baseUrl}/v1/orders/${encodeURIComponent(number)}?email=mei%40example.com`,
    );
    expect(response.status).toBe(200);
    const order = (await response.json()) as { number: string; status: string; lines: unknown[] };
    expect(order).toMatchObject({ number, status: 'pending' });
    expect(order.lines).toHaveLength(1);

    await page.getByRole('button', { name: 'Keep shopping' }).click();
    const note = widget.rows('system').last();
    expect(await note.textContent()).toContain(number);
    await screenshot(page, 'widget-07-order-card-in-chat');
    expect(errors).toEqual([]);
  });

  it('opens with the question a storefront button asks', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const shopperPage = await context.newPage();
    const widget = new WidgetDriver(shopperPage);
    await shopperPage.goto(`${server.baseUrl}/?lang=en`);
    await widget.composer.waitFor();
    await widget.settled();
    await widget.page.keyboard.press('Escape');
    const tile = shopperPage.locator('main .tile').first();
    const title = (await tile.locator('h3').textContent()) ?? '';
    const reply = await widget.replyTo(() => tile.getByRole('button', { name: 'Ask about this' }).click());
    expect(await widget.rows('shopper').last().textContent()).toContain(title);
    expect(await reply.textContent()).not.toBe('');
    await context.close();
  });
});
