/**
 * The widget on someone else's site: one script tag on a page of another origin with aggressive
 * global CSS. The page keeps every style it had, the widget keeps its own look, and it talks to
 * the Aisle server across origins. Then the storefront at phone width.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

// Rules a careless theme ships: everything restyled, with !important, down to the root font size.
const HOSTILE_CSS = `
html { font-size: 40px; }
* { box-sizing: content-box !important; font-family: Georgia, serif !important; letter-spacing: 2px !important; }
div, section, button, input, textarea, form, header, p, span { color: rgb(200, 0, 0) !important; background: rgb(255, 255, 0) !important;
  border: 3px dashed rgb(128, 0, 128) !important; padding: 18px !important; margin: 6px !important; font-size: 28px !important;
  line-height: 3 !important; text-transform: uppercase !important; position: static !important; }
button { width: 50% !important; height: 80px !important; border-radius: 0 !important; }
svg { width: 100px !important; height: 100px !important; }
body { margin: 40px; font: 20px/1.2 Georgia, serif; color: rgb(1, 2, 3); }
h1 { color: rgb(10, 90, 30); font-size: 44px; }
`;

function foreignPage(scriptSrc: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outdoor shop</title>
<style>${HOSTILE_CSS}</style></head>
<body><h1>An outdoor shop</h1><p class="intro">Our own page, with our own styles.</p>
<div class="promo">Free socks with every boot</div><button class="buy">Buy now</button>
${scriptSrc === '' ? '' : `<script src="${scriptSrc}" data-store-key="demo" data-lang="en" data-theme="#7c3aed" data-position="left" data-open="true" async></script>`}
</body></html>`;
}

const WATCHED = ['body', 'h1', '.intro', '.promo', '.buy'];
const PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'line-height',
  'margin-top',
  'padding-left',
  'border-top-style',
  'width',
  'text-transform',
  'box-sizing',
];

/** The little of the DOM these checks use, typed here: the test program is compiled without the DOM library. */
interface PageElement {
  readonly className: string;
  readonly shadowRoot: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): { readonly left: number; readonly right: number; readonly width: number };
}

interface PageWindow {
  readonly innerWidth: number;
  readonly document: {
    querySelector(selector: string): PageElement | null;
    readonly styleSheets: { readonly length: number };
    readonly documentElement: { readonly scrollWidth: number };
  };
  getComputedStyle(element: PageElement): { getPropertyValue(name: string): string };
}

async function hostStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(
    ({ selectors, properties }) =>
      Object.fromEntries(
        selectors.map((selector) => {
          const view = globalThis as unknown as PageWindow;
          const element = view.document.querySelector(selector);
          if (element === null) throw new Error(`no ${selector}`);
          const style = view.getComputedStyle(element);
          return [
            selector,
            Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)])),
          ];
        }),
      ),
    { selectors: WATCHED, properties: PROPERTIES },
  );
}

describeBrowser('chat widget: embedded on another site, and at phone width', () => {
  let server: DemoServer;
  let browser: Browser;
  // The merchant's site: another origin (another port) on the same machine. A page on a public
  // address could not load from the test server's loopback address at all (Chromium's local
  // network access rules), which says nothing about the widget.
  let host: Server;
  let hostOrigin: string;
  let withWidget = false;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    host = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(foreignPage(withWidget ? `${server.baseUrl}/widget/aisle.js` : ''));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    host?.closeAllConnections();
    await new Promise((resolve) => host?.close(resolve));
    await browser?.close();
    await server?.close();
  });

  it('leaves a hostile host page exactly as styled, and keeps its own look', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${hostOrigin}/`);
    const before = await hostStyles(page);
    const sheetsBefore = await page.evaluate(
      () => (globalThis as unknown as PageWindow).document.styleSheets.length,
    );

    withWidget = true;
    await page.goto(`${hostOrigin}/`);
    const widget = new WidgetDriver(page);
    await widget.composer.waitFor();
    await widget.settled();
    expect(await hostStyles(page)).toEqual(before);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.styleSheets.length)).toBe(
      sheetsBefore,
    );

    // Its own look inside the shadow root: the theme, px sizes, its font, not the page's.
    const look = await page.locator('.aisle-panel').evaluate((found) => {
      const view = globalThis as unknown as PageWindow;
      const panel = found as unknown as PageElement;
      const style = (selector: string, name: string) => {
        const element = panel.querySelector(selector);
        return element === null ? null : view.getComputedStyle(element).getPropertyValue(name);
      };
      const box = panel.getBoundingClientRect();
      return {
        width: box.width,
        left: box.left,
        headerBackground: style('.aisle-header', 'background-color'),
        bubbleFontSize: style('.aisle-bubble', 'font-size'),
        bubbleFont: style('.aisle-bubble', 'font-family'),
        bubbleTransform: style('.aisle-bubble', 'text-transform'),
        sendWidth: panel.querySelector('.aisle-send')?.getBoundingClientRect().width,
      };
    });
    expect(look).toMatchObject({
      width: 400,
      left: 20,
      headerBackground: 'rgb(124, 58, 237)',
      bubbleFontSize: '14px',
      bubbleTransform: 'none',
      sendWidth: 42,
    });
    expect(look.bubbleFont).not.toContain('Georgia');

    // And it talks to the Aisle server from the other origin.
    const cards = await widget.findProducts('I need a tent');
    expect(await cards.count()).toBeGreaterThan(0);
    await screenshot(page, 'widget-30-foreign-page');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fills a phone screen and fits its cards and forms to 375 px', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors = pageErrors(page);
    const widget = new WidgetDriver(page);
    await page.goto(`${server.baseUrl}/?lang=en`);
    // On a phone the chat waits for the shopper instead of covering the page.
    await screenshot(page, 'widget-40-phone-storefront');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await widget.composer.waitFor();
    const panel = page.locator('.aisle-panel');
    // Measured once its opening animation has settled.
    await expect
      .poll(async () => {
        const box = await panel.boundingBox();
        return box && { x: box.x, y: Math.round(box.y), width: box.width, height: Math.round(box.height) };
      })
      .toEqual({ x: 0, y: 0, width: 375, height: 812 });
    await screenshot(page, 'widget-41-phone-greeting');

    const cards = await widget.findProducts('I need waterproof hiking shoes');
    await screenshot(page, 'widget-42-phone-products');
    await widget.addFirstAvailable(cards);
    await page.getByRole('button', { name: /^Cart, 1 item/ }).click();
    await page.getByRole('dialog', { name: 'Cart' }).getByRole('button', { name: 'Checkout' }).click();
    await widget.checkoutSheet.getByLabel('Full name', { exact: true }).waitFor();
    await screenshot(page, 'widget-43-phone-checkout');
    // Nothing wider than the screen: no sideways scrolling in the panel or the page.
    const overflow = await page.evaluate(() => {
      const view = globalThis as unknown as PageWindow;
      const root = view.document.querySelector('aisle-chat')?.shadowRoot;
      const wide = [...(root?.querySelectorAll('*') ?? [])].filter(
        (element) =>
          element.getBoundingClientRect().right > view.innerWidth + 1 &&
          !element.closest('.aisle-carousel-track'),
      );
      return {
        page: view.document.documentElement.scrollWidth,
        wide: wide.map((element) => element.className),
      };
    });
    expect(overflow).toEqual({ page: 375, wide: [] });

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Chat with us' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
