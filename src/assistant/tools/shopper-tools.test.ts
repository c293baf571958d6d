import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyFact } from '../facts/index.js';
import { createToolbox, signCustomerToken, type Toolbox } from './index.js';
import { CHEN, createToolFixture, LIN, sessionContext, type ToolFixture } from './test-fixtures.js';

const SECRET = 'storefront-secret-for-tests';

describe('shopper tools', () => {
  let fixture: ToolFixture;
  let toolbox: Toolbox;
  let linId: string;

  beforeAll(async () => {
    fixture = await createToolFixture();
    toolbox = createToolbox(fixture.services, { customerTokenSecret: SECRET, maxIdentificationAttempts: 3 });
    linId = (await fixture.services.customers.findByEmail(LIN.email))?.id ?? '';
  }, 60_000);
  afterAll(() => fixture.services.close());

  it('an email names the shopper without verifying them', async () => {
    const context = sessionContext();
    const result = await toolbox.runTool('identify_shopper', { email: LIN.email }, context);
    expect(context.shopper).toEqual({ customerId: linId, verified: false });
    expect(JSON.stringify(result.output)).not.toContain('4242');
  });

  it('name and postal code on file verify the shopper and list their saved methods by label', async () => {
    const context = sessionContext();
    const result = await toolbox.runTool(
      'identify_shopper',
      { name: LIN.name, postalCode: LIN.postalCode },
      context,
    );
    expect(context.shopper).toEqual({ customerId: linId, verified: true });
    expect(JSON.stringify(result.output)).toContain('4242');
    expect(JSON.stringify(result.output)).not.toContain('pm_card_visa');
  });

  it('a verified shopper’s guest cart joins their account', async () => {
    const context = sessionContext();
    const mug = await fixture.services.catalog.getProduct(fixture.injectedProductId);
    await toolbox.runTool('cart_add', { variantId: mug.variants[0]?.id }, context);
    await toolbox.runTool('identify_shopper', { name: LIN.name, postalCode: LIN.postalCode }, context);
    expect((await fixture.services.cart.getCart(context.cartId ?? '')).cart.customerId).toBe(linId);
  });

  it('a signed customer token verifies; a forged, expired or unsigned one does not', async () => {
    const now = fixture.clock.now();
    const context = sessionContext();
    await toolbox.runTool(
      'identify_shopper',
      { customerToken: signCustomerToken(SECRET, linId, now + 60_000) },
      context,
    );
    expect(context.shopper).toEqual({ customerId: linId, verified: true });

    for (const token of [
      signCustomerToken('another-secret', linId, now + 60_000),
      signCustomerToken(SECRET, linId, now - 1),
      `${linId}.${now + 60_000}.`,
    ]) {
      await expect(
        toolbox.runTool('identify_shopper', { customerToken: token }, sessionContext()),
      ).rejects.toMatchObject({ code: 'identification_failed' });
    }
    const withoutSecret = createToolbox(fixture.services);
    await expect(
      withoutSecret.runTool(
        'identify_shopper',
        { customerToken: signCustomerToken(SECRET, linId, now + 60_000) },
        sessionContext(),
      ),
    ).rejects.toMatchObject({ code: 'identification_failed' });
  });

  it('a wrong postal code fails like an unknown name, and the session is cut off after too many tries', async () => {
    const context = sessionContext();
    const attempt = (input: object) => toolbox.runTool('identify_shopper', input, context);
    await expect(attempt({ name: LIN.name, postalCode: CHEN.postalCode })).rejects.toMatchObject({
      code: 'identification_failed',
    });
    await expect(attempt({ name: 'Nobody Here', postalCode: '100001' })).rejects.toMatchObject({
      code: 'identification_failed',
    });
    await expect(attempt({ email: 'nobody@example.com' })).rejects.toMatchObject({
      code: 'identification_failed',
    });
    await expect(attempt({ name: LIN.name, postalCode: LIN.postalCode })).rejects.toMatchObject({
      code: 'too_many_attempts',
    });
    expect(context.shopper.verified).toBe(false);
  });

  it('identify_shopper takes exactly one way of identifying', async () => {
    await expect(
      toolbox.runTool('identify_shopper', { email: 'not-an-email' }, sessionContext()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      toolbox.runTool('identify_shopper', { name: LIN.name }, sessionContext()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('policy_lookup states the return window the policies hold, with a policy fact', async () => {
    const result = await toolbox.runTool('policy_lookup', { topic: 'returns' }, sessionContext());
    const { policies } = await fixture.services.promotions.current();
    const fact = result.facts.find((f): f is PolicyFact => f.kind === 'policy');
    expect(fact?.defaultDays).toBe(policies.returns?.defaultDays);
    expect(result.output).toMatchObject({ returns: { days: policies.returns?.defaultDays } });
    expect(result.output).not.toHaveProperty('shipping');
    const all = await toolbox.runTool('policy_lookup', {}, sessionContext());
    expect((all.output as { shipping: unknown[] }).shipping).toHaveLength(
      policies.shipping?.options.length ?? -1,
    );
  });

  it('handoff_to_human says honestly when no staff is connected, and records the request when one is', async () => {
    const unconnected = await toolbox.runTool(
      'handoff_to_human',
      { reason: 'wants a person' },
      sessionContext(),
    );
    expect(unconnected.output).toMatchObject({ requested: false });

    const requests: [string, string][] = [];
    const staffed = createToolbox(fixture.services, {
      handoff: {
        async request(sessionId, reason) {
          requests.push([sessionId, reason]);
          return { reference: 'ticket-1' };
        },
      },
    });
    const context = sessionContext();
    const result = await staffed.runTool('handoff_to_human', { reason: 'damaged parcel' }, context);
    expect(result.output).toEqual({ requested: true, reference: 'ticket-1' });
    expect(requests).toEqual([[context.sessionId, 'damaged parcel']]);
  });

  it('toolSpecs lists every tool once with a zod schema, and marks the money-moving ones', () => {
    const specs = toolbox.toolSpecs();
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
    for (const spec of specs) expect(typeof spec.inputSchema.safeParse).toBe('function');
    expect(
      toolbox.tools
        .filter((t) => t.consequential)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['cancel_order', 'exchange_items', 'modify_order', 'pay_with_saved_method', 'return_items']);
  });
});
