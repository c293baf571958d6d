/**
 * The console's store pages list what the services hold: the catalog (and its search), stock
 * per location with the low-stock flag, and the promotions with whether they are active.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Product } from '../../src/catalog/index.js';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { signIn } from './console-support.js';

describeBrowser('staff console store pages', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let products: Product[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
    products = [];
    for await (const product of server.services.catalog.allProducts()) products.push(product);
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    await signIn(page, server);
    // From here on, nothing may fail: before sign-in the console learns "nobody" from a 401.
    errors = pageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = () => page.locator('main tbody tr');

  it('lists the catalog and finds a product by a word of its title', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    await rows().first().waitFor();
    const active = products.filter((p) => p.status === 'active');
    expect(await rows().count()).toBe(Math.min(50, active.length));
    await screenshot(page, 'console-catalog');

    // The last product by title order is rarely on the first page: search must find it.
    const wanted = [...active].sort((a, b) => (a.title.en ?? '').localeCompare(b.title.en ?? '')).at(-1)!;
    const title = wanted.title.en!;
    await page.getByLabel('Search products').fill(title);
    await page.getByText(/products found/).waitFor();
    await rows().filter({ hasText: title }).first().waitFor();
    await screenshot(page, 'console-catalog-search');
  });

  it('shows stock per location and filters to low stock', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('heading', { name: 'Inventory' }).waitFor();
    await rows().first().waitFor();
    const variants = products.filter((p) => p.status === 'active').flatMap((p) => p.variants);
    expect(await rows().count()).toBe(variants.length);
    const locations = await server.services.inventory.listLocations();
    const header = (await page.locator('main thead').textContent()) ?? '';
    for (const location of locations.filter((l) => l.active)) {
      expect(header.toLowerCase()).toContain(location.name.en!.toLowerCase());
    }

    // Every row the low-stock filter keeps is low or out, and the inventory service agrees.
    await page.getByLabel('Low or out of stock only').check();
    await expect.poll(() => rows().count()).toBeLessThan(variants.length);
    expect(await rows().count()).toBeGreaterThan(0);
    const skus = await page.locator('main tbody tr td:nth-child(2)').allTextContents();
    const bySku = new Map(variants.map((v) => [v.sku, v.id]));
    const shown = skus.flatMap((sku) => bySku.get(sku.trim()) ?? []);
    expect(shown.length).toBeGreaterThan(0);
    const availability = await server.services.inventory.availability(shown);
    for (const item of availability.values()) expect(item.lowStock || item.available === 0).toBe(true);
    await screenshot(page, 'console-inventory-low-stock');
  });

  it('lists the promotions with their codes and whether they run now', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('heading', { name: 'Promotions' }).waitFor();
    await rows().first().waitFor();
    const stored = await server.services.promotions.list();
    expect(await rows().count()).toBe(stored.length);
    for (const promotion of stored) {
      const row = rows().filter({ hasText: promotion.name });
      expect(await row.count()).toBe(1);
      for (const code of (promotion.document as { codes?: string[] }).codes ?? []) {
        expect(await row.textContent()).toContain(code);
      }
    }
    await page.getByRole('button', { name: 'Active now' }).click();
    await expect.poll(() => rows().filter({ hasNotText: 'Active' }).count()).toBe(0);
    expect(await rows().count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'All' }).click();
    await screenshot(page, 'console-promotions');
    expect(errors).toEqual([]);
  });
});
