/**
 * When the language model gets a fact wrong, the grounding guard repairs the reply before the
 * shopper sees it, and the console shows staff what happened: the tool the model called, the
 * facts it returned, and the intervention (the claim, the reason, what the guard did).
 */
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
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

describeBrowser('staff console grounding-guard trace', () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let desk: Page;
  let errors: string[];
  let shopper: BrowserShopper;
  let product: Product;
  // The model's turns, in order: look the product up, then misquote its price.
  const script: (() => ReturnType<typeof stream>)[] = [];

  beforeAll(async () => {
    const model = new MockLanguageModelV3({
      doStream: async () => {
        const step = script[model.doStreamCalls.length - 1];
        if (step === undefined) throw new Error('the model was called more often than scripted');
        return step();
      },
    });
    [server, browser] = await Promise.all([
      startDemoServer({ services: { languageModel: model } }),
      launchBrowser(),
    ]);
    for await (const candidate of server.services.catalog.allProducts()) {
      // One price for the whole product, so the guard knows the right one to put back.
      if (
        candidate.status === 'active' &&
        new Set(candidate.variants.map((v) => v.price.amount)).size === 1
      ) {
        product = candidate;
        break;
      }
    }
    script.push(
      () =>
        stream([
          {
            type: 'tool-call',
            toolCallId: 'call_details',
            toolName: 'product_details',
            input: JSON.stringify({ productId: product.id }),
          },
          finish('tool-calls'),
        ]),
      () =>
        stream([
          { type: 'text-start', id: 't1' },
          {
            type: 'text-delta',
            id: 't1',
            delta: `Good choice. The ${product.title.en} is ${WRONG_PRICE} today.`,
          },
          { type: 'text-end', id: 't1' },
          finish('stop'),
        ]),
    );
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
});
