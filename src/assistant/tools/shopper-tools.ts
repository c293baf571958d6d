/**
 * Who the shopper is, what the store's policies say, and asking for a person. Identification by
 * email alone names the shopper without proving anything, so it unlocks nothing private; a signed
 * token from the storefront or the name and postal code on file verify them.
 */
import { z } from 'zod';
import { localize } from '../../catalog/index.js';
import { summarizePolicies } from '../../promotions/index.js';
import { factsFromPolicies } from '../facts/index.js';
import { verifyCustomerToken } from './customer-token.js';
import { ToolError } from './errors.js';
import { defineTool, moneyText, nowOf, type ToolKit } from './tool-kit.js';
import type { ToolContext } from './types.js';

const identifyInput = z.union([
  z.strictObject({ email: z.email().max(200) }),
  z.strictObject({ name: z.string().trim().min(1).max(100), postalCode: z.string().trim().min(2).max(20) }),
  z.strictObject({ customerToken: z.string().min(10).max(500) }),
]);

export function shopperTools(kit: ToolKit) {
  const { customers, promotions, cart } = kit.services;
  const maxAttempts = kit.options.maxIdentificationAttempts ?? 5;
  const failures = new Map<string, number>();

  async function identified(context: ToolContext, customerId: string, verified: boolean) {
    context.shopper = { customerId, verified };
    // A cart joins the customer only once they are proven: attaching merges their saved cart in.
    if (verified && context.cartId !== null) await cart.attachCustomer(context.cartId, customerId);
    const customer = await customers.get(customerId);
    return {
      output: {
        identified: true,
        verified,
        name: verified ? customer.name : undefined,
        ...(verified
          ? { savedPaymentMethods: customer.paymentMethods.map((m) => ({ id: m.id, label: m.label })) }
          : {
              note: 'an email alone does not verify the shopper: orders and saved payments need name + postal code or a sign-in',
            }),
      },
      facts: [],
    };
  }

  const identifyShopper = defineTool({
    name: 'identify_shopper',
    description:
      'Identify the shopper by email, by the name and postal code on their account, or by a signed customer token from the store. Orders and saved payment methods need a verified shopper (name + postal code, or token).',
    input: identifyInput,
    consequential: false,
    async run(input, context) {
      const failed = failures.get(context.sessionId) ?? 0;
      if (failed >= maxAttempts) {
        throw new ToolError(
          'identify_shopper',
          'too_many_attempts',
          'too many failed attempts; offer a person instead',
        );
      }
      const refuse = () => {
        failures.set(context.sessionId, failed + 1);
        return new ToolError('identify_shopper', 'identification_failed', 'no account matches those details');
      };
      if ('customerToken' in input) {
        const secret = kit.options.customerTokenSecret;
        const customerId =
          secret === undefined ? null : verifyCustomerToken(secret, input.customerToken, nowOf(kit, context));
        if (customerId === null || (await customers.find(customerId)) === null) throw refuse();
        return identified(context, customerId, true);
      }
      if ('email' in input) {
        const customer = await customers.findByEmail(input.email);
        if (customer === null) throw refuse();
        // Never downgrade a verified session to the weaker proof of an email.
        if (context.shopper.verified && context.shopper.customerId === customer.id) {
          return identified(context, customer.id, true);
        }
        return identified(context, customer.id, false);
      }
      const customer = await customers.findByNameAndPostalCode(input.name, input.postalCode);
      if (customer === null) throw refuse();
      return identified(context, customer.id, true);
    },
  });

  const policyLookup = defineTool({
    name: 'policy_lookup',
    description:
      "The store's policies as a shopper may hear them: return windows and refund methods, which order changes are allowed and for which reasons, shipping options with fees and delivery days, how tax is shown.",
    input: z.strictObject({ topic: z.enum(['returns', 'shipping', 'tax', 'all']).default('all') }),
    consequential: false,
    async run(input, context) {
      const [{ policies }, stored] = await Promise.all([promotions.current(), promotions.getPolicies()]);
      const summary = summarizePolicies(stored, context.currency);
      const wants = (topic: string) => input.topic === 'all' || input.topic === topic;
      const money = (amount: number) => moneyText({ amount, currency: context.currency }, context);
      return {
        output: {
          ...(wants('returns')
            ? {
                returns:
                  summary.returns === null
                    ? 'no return policy is published'
                    : {
                        days: summary.returns.defaultDays,
                        refundMethods: summary.returns.refundMethods,
                        exceptions: summary.returns.exceptions.map((e) => ({
                          ...(e.finalSale ? { finalSale: true } : { days: e.days }),
                          appliesTo: e.appliesTo,
                        })),
                      },
              }
            : {}),
          ...(wants('shipping')
            ? {
                shipping:
                  summary.shipping?.options.map((o) => ({
                    name: localize(o.name, context.locale),
                    fee: money(o.fee),
                    ...(o.freeOver === null ? {} : { freeOver: money(o.freeOver) }),
                    businessDays: o.businessDays,
                  })) ?? 'no shipping policy is published',
              }
            : {}),
          ...(wants('tax') ? { tax: summary.tax.mode } : {}),
          ...(wants('returns')
            ? {
                orderChanges: (policies.transitions ?? []).map((t) => ({
                  action: t.action,
                  whileOrderIs: t.states,
                  ...(t.reasons === undefined ? {} : { reasons: t.reasons }),
                })),
              }
            : {}),
        },
        facts: [factsFromPolicies(policies, { freeReturns: kit.options.freeReturns ?? false })],
      };
    },
  });

  const handoffToHuman = defineTool({
    name: 'handoff_to_human',
    description:
      'Ask for a member of staff to take over (the shopper asked for a person, or you cannot help). Say honestly when no one is available.',
    input: z.strictObject({ reason: z.string().trim().min(1).max(300) }),
    consequential: false,
    async run(input, context) {
      const handoff = kit.options.handoff;
      if (handoff === undefined) {
        return {
          output: {
            requested: false,
            note: 'this store has not connected staff to the assistant; nobody will be notified',
          },
          facts: [],
        };
      }
      const receipt = await handoff.request(context.sessionId, input.reason);
      const reference =
        typeof receipt === 'object' &&
        receipt !== null &&
        'reference' in receipt &&
        typeof receipt.reference === 'string'
          ? receipt.reference
          : undefined;
      return {
        output: { requested: true, ...(reference === undefined ? {} : { reference }) },
        facts: [],
      };
    },
  });

  return [identifyShopper, policyLookup, handoffToHuman];
}
