/**
 * When the language model gets a fact wrong, the grounding guard repairs the reply before the
 * shopper sees it, and the console shows staff what happened: the tool the model called, the
 * facts it returned, and the intervention (the claim, the reason, what the guard did).
 */
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
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
import { type BrowserShopper, shopperInBrowser, signIn } from './console-support.js';

const WRONG_PRICE = 'NT$1.00';

const finish = (reason: 'stop' | 'tool-calls'): LanguageModelV3StreamPart => ({
  type: 'finish',
  finishReason: { unified: reason, raw: reason },
  usage: {
    inputTokens: { total: 120, noCache: 120, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 12, text: 12, reasoning: undefined },
  },
});

const stream = (chunks: LanguageModelV3StreamPart[]) => ({ stream: simulateReadableStream({ chunks }) });

const toolCall = (toolName: string, input: object) =>
  stream([
    { type: 'tool-call', toolCallId: `call_${toolName}`, toolName, input: JSON.stringify(input) },
    finish('tool-calls'),
  ]);

const text = (words: string) =>
  stream([
    { type: 'text-start', id: 'reply' },
    { type: 'text-delta', id: 'reply', delta: words },
    { type: 'text-end', id: 'reply' },
    finish('stop'),
  ]);

const CART_REPLY = 'It is in your cart now.';

describeBrowser('staff console grounding-guard trace', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let desk: Page;
  let errors: string[];
  let shopper: BrowserShopper;
  let product: Product;

  /**
   * The scripted model: a shopper's message gets a tool call (cart_add when they mention their
   * cart, product_details otherwise); once the tool has answered, the reply, which misquotes the
   * price on purpose after product_details.
   */
  const answer = (prompt: LanguageModelV3Prompt) => {
    const last = prompt.at(-1);
    if (last?.role === 'tool') {
      const tool = last.content.find((part) => part.type === 'tool-result')?.toolName;
      return text(
        tool === 'cart_add' ? CART_REPLY : `Good choice. The ${product.title.en} is ${WRONG_PRICE} today.`,
      );
    }
    return JSON.stringify(last?.content).includes('cart')
      ? toolCall('cart_add', { variantId: product.variants[0]!.id, quantity: 1 })
      : toolCall('product_details', { productId: product.id });
  };

  beforeAll(async () => {
    const model = new MockLanguageModelV3({ doStream: async ({ prompt }) => answer(prompt) });
    [server, browser] = await Promise.all([
      // Only small talk for the rules brain: every question here is the model's.
      startDemoServer({
        env: { AISLE_ROUTER_RULES_INTENTS: 'greeting,thanks' },
        services: { languageModel: model },
      }),
      launchBrowser(),
    ]);
    for await (const candidate of server.services.catalog.allProducts()) {
      // One price for the whole product, so the guard knows the right one to put back, and a
      // first variant in stock, so it can go in the cart.
      if (candidate.status !== 'active' || new Set(candidate.variants.map((v) => v.price.amount)).size > 1)
        continue;
      const first = candidate.variants[0]!.id;
      if (((await server.services.inventory.availability([first])).get(first)?.available ?? 0) > 0) {
        product = candidate;
        break;
      }
    }
    context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    desk = await context.newPage();
    await signIn(desk, server);
    errors = pageErrors(desk);
    shopper = await shopperInBrowser(await browser.newContext(), server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the intervention that kept a wrong price from the shopper', async () => {
    const reply = await shopper.say(`How much is the ${product.title.en}?`);
    expect(reply.text).not.toContain(WRONG_PRICE);

    await desk.goto(`${server.baseUrl}/admin/#/conversations/${encodeURIComponent(shopper.sessionId)}`);
    const answer = desk.getByRole('log').locator('[data-role="assistant"]').last();
    const trace = answer.locator('.trace');
    // A reply the guard changed opens its trace by itself: that is what staff should look at.
    await trace.getByText('Grounding guard', { exact: false }).first().waitFor();
    expect(await trace.getAttribute('open')).not.toBeNull();
    expect(await trace.textContent()).toContain('Language model');
    await trace.locator('code', { hasText: 'product_details' }).waitFor();
    expect(await trace.locator('.fact').count()).toBeGreaterThan(0);

    const stored = (await server.services.assistant.transcript(shopper.sessionId)).messages.at(-1)?.trace;
    expect(stored?.interventions.length).toBeGreaterThan(0);
    const intervention = trace.locator('.intervention').first();
    expect(await intervention.locator('q').textContent()).toBe(stored!.interventions[0]!.claim.text);
    expect(await intervention.textContent()).toContain(stored!.interventions[0]!.reason);
    await screenshot(answer, 'console-guard-intervention');
    expect(errors).toEqual([]);
  });

  it("shows the shopper's cart beside the conversation as it changes", async () => {
    const cart = desk.getByRole('region', { name: 'Shopper’s cart' });
    await cart.getByText('No cart yet.').waitFor();
    const reply = await shopper.say('Please put one in my cart.');
    expect(reply.text).toBe(CART_REPLY);

    await cart.getByText(product.title.en!).waitFor();
    expect(await cart.textContent()).toContain('Qty 1');
    const { session } = await server.services.assistant.transcript(shopper.sessionId);
    const quote = await server.services.cart.getCart(session.cartId!);
    expect(quote.quote.lines.map((line) => line.variantId)).toEqual([product.variants[0]!.id]);
    await screenshot(desk, 'console-shopper-cart');
    expect(errors).toEqual([]);
  });
});
