/**
 * A whole purchase in Traditional Chinese: the storefront and widget in zh-TW, the assistant
 * answering in Chinese, and the checkout form's labels and confirmation in Chinese.
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
import { CHINESE, WidgetDriver } from './widget-driver.js';

describeBrowser('chat widget: a conversation in Traditional Chinese', () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
    errors = pageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds, adds and pays in Chinese', { timeout: 120_000 }, async () => {
    const widget = new WidgetDriver(page, CHINESE);
    await page.goto(`${server.baseUrl}/?lang=zh-TW`);
    await widget.composer.waitFor();
    expect(await page.getByText('AI 助理 · 回覆由系統自動產生').isVisible()).toBe(true);
    expect(
      await page.locator('.aisle-person-bar').getByRole('button', { name: '找真人客服' }).isVisible(),
    ).toBe(true);

    const cards = await widget.findProducts('我想買防水登山鞋', '都可以');
    expect(await widget.lastReply().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'widget-20-chinese-products');
    const added = await widget.addFirstAvailable(cards);
    expect(await added.textContent()).toContain('加入購物車');
    await expect.poll(() => page.getByRole('button', { name: /^購物車，1 件商品/ }).count()).toBe(1);

    const checkoutReply = await widget.say('結帳');
    await checkoutReply.getByRole('button', { name: '在對話中結帳' }).click();
    await widget.fillAddressAndDelivery('mei@example.com');
    await screenshot(page, 'widget-21-chinese-payment');
    await widget.payWithCard('4242 4242 4242 4242');

    const done = widget.checkoutSheet.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toContain('訂單已成立');
    await screenshot(page, 'widget-22-chinese-confirmation');
    expect(errors).toEqual([]);
  });
});
