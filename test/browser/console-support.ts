/**
 * What the staff console's browser tests share: signing a page in, and a shopper who talks to
 * the assistant from a browser page of their own through the public session API and its live
 * event stream (an `EventSource` with `?token=`, as a browser has to).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { DemoServer } from '../support/browser.js';

export const STAFF_NAME = 'Mei Lin';

/** Signs the console in at /admin/ and waits for the conversations page. */
export async function signIn(page: Page, server: DemoServer, name = STAFF_NAME): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Admin key').fill(server.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Conversations', exact: true }).waitFor();
}

export interface ShopperMessage {
  readonly role: string;
  readonly text: string;
  readonly author?: string;
}

export interface BrowserShopper {
  readonly sessionId: string;
  /** Sends a message; resolves with the assistant's reply text ('' while a person has the conversation). */
  say(text: string): Promise<{ text: string; status: string }>;
  /** Waits until the session's event stream delivers a message from `role` whose text contains `text`. */
  received(role: string, text: string): Promise<ShopperMessage>;
}

/**
 * The few browser globals the tests read inside `page.evaluate`. The project compiles without the
 * DOM library (it is server code), so these are named here rather than taken from lib.dom.
 */
export interface PageGlobals {
  shopper: { sessionId: string; token: string; messages: ShopperMessage[] };
  readonly localStorage: Record<string, string>;
  readonly sessionStorage: Record<string, string>;
  readonly document: { readonly cookie: string; readonly documentElement: { readonly lang: string } };
  readonly EventSource: new (
    url: string,
  ) => {
    addEventListener(type: string, listener: (event: { data: string }) => void): void;
    onopen: (() => void) | null;
  };
}

/**
 * A shopper in a page of `context`: starts a session and listens to its events from inside the
 * browser, as the widget does.
 */
export async function shopperInBrowser(
  context: BrowserContext,
  server: DemoServer,
  locale = 'en',
): Promise<BrowserShopper> {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/health`);
  const sessionId = await page.evaluate(async (language) => {
    const started = await fetch('/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale: language }),
    });
    const { sessionId, token } = (await started.json()) as { sessionId: string; token: string };
    const globals = globalThis as unknown as PageGlobals;
    const state: PageGlobals['shopper'] = { sessionId, token, messages: [] };
    globals.shopper = state;
    const events = new globals.EventSource(
      `/v1/sessions/${sessionId}/events?token=${encodeURIComponent(token)}`,
    );
    events.addEventListener('message', (event) => {
      state.messages.push((JSON.parse(event.data) as { message: ShopperMessage }).message);
    });
    await new Promise<void>((resolve) => {
      events.onopen = () => resolve();
    });
    return sessionId;
  }, locale);

  return {
    sessionId,
    say: (text) =>
      page.evaluate(async (body) => {
        const { sessionId: id, token } = (globalThis as unknown as PageGlobals).shopper;
        const response = await fetch(`/v1/sessions/${id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text: body }),
        });
        const sent = (await response.json()) as { reply: { text: string }; state: { status: string } };
        return { text: sent.reply.text, status: sent.state.status };
      }, text),
    async received(role, text) {
      const handle = await page.waitForFunction(
        (wanted) =>
          (globalThis as unknown as PageGlobals).shopper.messages.find(
            (message) => message.role === wanted.role && message.text.includes(wanted.text),
          ) ?? false,
        { role, text },
      );
      return (await handle.jsonValue()) as ShopperMessage;
    },
  };
}
