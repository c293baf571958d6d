/**
 * Signing in to the staff console: a wrong key is refused, the right one becomes an httpOnly
 * cookie (the key itself is kept nowhere the page can read), signing out ends it, and the
 * console speaks Traditional Chinese when asked.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  type DemoServer,
  describeBrowser,
  launchBrowser,
  pageErrors,
  screenshot,
  startDemoServer,
} from '../support/browser.js';
import { type PageGlobals, STAFF_NAME, signIn } from './console-support.js';

describeBrowser('staff console sign-in', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    page = await context.newPage();
    errors = pageErrors(page);
  });
  afterEach(() => context.close());

  /** The console asks who is signed in before showing anything: a 401 there is how it learns "nobody". */
  const unexpectedErrors = () => errors.filter((error) => !error.includes('401'));

  it('refuses a wrong admin key and says so', async () => {
    await page.goto(`${server.baseUrl}/admin/`);
    await page.getByLabel('Your name').fill(STAFF_NAME);
    await page.getByLabel('Admin key').fill('not-the-admin-key');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('alert').getByText('That admin key is not right.').waitFor();
    await screenshot(page, 'console-sign-in-refused');
    expect(await context.cookies()).toEqual([]);
    expect(await page.getByLabel('Admin key').isVisible()).toBe(true);
  });

  it('signs in with the admin key, keeps only an httpOnly cookie, and signs out', async () => {
    await page.goto(`${server.baseUrl}/admin/`);
    await screenshot(page, 'console-sign-in');
    await signIn(page, server);
    await page.getByText(`Signed in as ${STAFF_NAME}`).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await screenshot(page, 'console-dashboard-empty');

    const cookies = await context.cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'aisle_staff', httpOnly: true, sameSite: 'Strict' },
    ]);
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as PageGlobals;
      return JSON.stringify({ ...localStorage, ...sessionStorage });
    });
    expect(stored).not.toContain(server.adminKey);
    expect(await page.content()).not.toContain(server.adminKey);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie)).toBe('');

    // A reload keeps the sign-in: the cookie, not the page, remembers it.
    await page.reload();
    await page.getByText(`Signed in as ${STAFF_NAME}`).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin key').waitFor();
    const me = await page.evaluate(async () => (await fetch('/v1/staff/me')).status);
    expect(me).toBe(401);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('switches to Traditional Chinese and remembers the choice', async () => {
    await signIn(page, server);
    await page.getByRole('button', { name: '繁體中文' }).click();
    await page.getByRole('heading', { name: '對話', exact: true }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('庫存');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang),
    ).toBe('zh-TW');
    await screenshot(page, 'console-dashboard-zh-TW');

    await page.reload();
    await page.getByRole('heading', { name: '對話', exact: true }).waitFor();
    expect(unexpectedErrors()).toEqual([]);
  });
});
