/**
 * The cart file of `aisle promotions dry-run`: lines named by SKU (priced from the catalog) or
 * given as full engine facts, and a customer named by email or id (their facts looked up), so a
 * merchant can write a test cart by hand.
 */
import { z } from 'zod';
import { formatMoney, ValidationError } from '../../core/index.js';
import type { CartLineFacts, CustomerFacts, PricingContext, PricingResult } from '../../rules/index.js';
import type { AppServices } from '../../server/index.js';
import { resolveCustomer } from './customers.js';

const lineSchema = z.strictObject({
  id: z.string().min(1).max(100).optional(),
  sku: z.string().min(1).optional(),
  variantId: z.string().min(1).optional(),
  productId: z.string().min(1).optional(),
  quantity: z.number().int().positive(),
  unitPrice: z.number().int().nonnegative().optional(),
  categoryPath: z.array(z.string()).optional(),
  brand: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  optionValues: z.array(z.string()).optional(),
  weightGrams: z.number().int().nonnegative().nullable().optional(),
  cost: z.number().int().nonnegative().nullable().optional(),
  floorPrice: z.number().int().nonnegative().nullable().optional(),
});

const customerFactsSchema = z.strictObject({
  id: z.string().min(1),
  segment: z.string().optional(),
  tier: z.string().optional(),
  tags: z.array(z.string()).optional(),
  firstOrder: z.boolean().optional(),
  country: z.string().optional(),
  orderCount: z.number().int().nonnegative().optional(),
});

const cartSchema = z.strictObject({
  currency: z.string().length(3).optional(),
  now: z.union([z.iso.datetime({ offset: true }), z.number().int()]).optional(),
  customer: z.union([z.string().min(1), customerFactsSchema]).optional(),
  lines: z.array(lineSchema).min(1).max(500),
  channel: z.string().optional(),
  coupons: z.array(z.string()).max(20).optional(),
  experiments: z.record(z.string(), z.string()).optional(),
  destination: z
    .strictObject({ country: z.string().length(2), postalCode: z.string().optional() })
    .optional(),
  shippingOptionId: z.string().optional(),
  mode: z.enum(['stack', 'best_single']).optional(),
});

type CartLineInput = z.infer<typeof lineSchema>;

export interface DryRunCart {
  readonly context: PricingContext;
  readonly mode: 'stack' | 'best_single' | undefined;
  /** Line id → what a person calls it (title and options, SKU). */
  readonly labels: ReadonlyMap<string, string>;
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
    message: issue.message,
  }));
}

async function resolveLine(
  services: AppServices,
  line: CartLineInput,
  index: number,
): Promise<{ facts: CartLineFacts; label: string }> {
  const id = line.id ?? `line-${index + 1}`;
  const { sku, ...rest } = line;
  // Parsed JSON never holds undefined values: absent keys stay absent.
  const given = rest as Partial<CartLineFacts>;
  const { productId, variantId, unitPrice } = line;
  if (sku === undefined && variantId === undefined) {
    throw new ValidationError(`$.lines[${index}] needs a "sku" or a "variantId"`, {
      issues: [{ path: `$.lines[${index}]`, message: 'needs a "sku" or a "variantId"' }],
    });
  }
  if (sku === undefined && variantId !== undefined && productId !== undefined && unitPrice !== undefined) {
    return {
      facts: { ...given, id, productId, variantId, unitPrice, quantity: line.quantity },
      label: variantId,
    };
  }
  const found =
    sku !== undefined
      ? await services.catalog.findVariantBySku(sku)
      : ((await services.catalog.findVariants([variantId ?? ''])).get(variantId ?? '') ?? null);
  if (found === null) {
    const what = sku !== undefined ? `SKU "${sku}"` : `variant id "${variantId}"`;
    throw new ValidationError(`$.lines[${index}]: no variant with ${what}`, {
      issues: [{ path: `$.lines[${index}]`, message: `no variant with ${what}` }],
    });
  }
  const { product, variant } = found;
  const facts: CartLineFacts = {
    productId: product.id,
    variantId: variant.id,
    unitPrice: variant.price.amount,
    categoryPath: product.categoryPath,
    brand: product.brand,
    tags: product.tags,
    optionValues: variant.optionValues,
    weightGrams: variant.weightGrams,
    cost: variant.cost?.amount ?? null,
    ...given,
    id,
    quantity: line.quantity,
  };
  const title = product.title.en ?? Object.values(product.title)[0] ?? product.id;
  const options = variant.optionValues.length > 0 ? ` (${variant.optionValues.join(' / ')})` : '';
  return { facts, label: `${title}${options} ${variant.sku ?? variant.id}` };
}

async function resolveCustomerFacts(
  services: AppServices,
  customer: string | CustomerFacts | undefined,
): Promise<CustomerFacts | undefined> {
  if (customer === undefined || typeof customer !== 'string') return customer;
  return services.customers.customerFacts((await resolveCustomer(services, customer)).id);
}

export async function readDryRunCart(services: AppServices, document: unknown): Promise<DryRunCart> {
  const parsed = cartSchema.safeParse(document);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new ValidationError(`invalid cart: ${issues[0]?.path}: ${issues[0]?.message}`, { issues });
  }
  const cart = parsed.data;
  const resolved = await Promise.all(cart.lines.map((line, index) => resolveLine(services, line, index)));
  const customer = await resolveCustomerFacts(services, cart.customer as string | CustomerFacts | undefined);
  const { ruleSet } = await services.promotions.current();
  const { now, currency, mode, customer: _customer, lines: _lines, ...rest } = cart;
  const context: PricingContext = {
    ...(rest as Omit<PricingContext, 'currency' | 'now' | 'lines' | 'customer'>),
    currency: (currency ?? ruleSet.currency).toUpperCase(),
    now: now === undefined ? services.clock.now() : typeof now === 'number' ? now : Date.parse(now),
    lines: resolved.map((line) => line.facts),
    ...(customer !== undefined && { customer }),
  };
  return { context, mode, labels: new Map(resolved.map((line) => [line.facts.id, line.label])) };
}

export function formatPricing(
  result: PricingResult,
  labels: ReadonlyMap<string, string>,
  promotionNames: ReadonlyMap<string, string>,
): string {
  const money = (amount: number) => formatMoney({ amount, currency: result.currency });
  const out = ['lines:'];
  for (const line of result.lines) {
    out.push(
      `  ${line.id}: ${line.quantity} × ${labels.get(line.id) ?? line.variantId} at ${money(line.unitPrice)} = ${money(line.subtotal)}` +
        `${line.discount > 0 ? ` − ${money(line.discount)} → ${money(line.total)}` : ''}`,
    );
    for (const adjustment of line.adjustments) {
      out.push(`      − ${money(adjustment.amount)} ${adjustment.name} (${adjustment.kind})`);
    }
  }
  out.push('discounts:');
  if (result.applied.length === 0) out.push('  none');
  for (const applied of result.applied) {
    const split =
      applied.shipping > 0
        ? ` (goods ${money(applied.merchandise)}, shipping ${money(applied.shipping)})`
        : '';
    out.push(
      `  ${applied.name} [${applied.promotionId} v${applied.version}]: −${money(applied.amount)}${split}`,
    );
    for (const note of applied.notes) out.push(`      note: ${note.reason} [${note.code}]`);
  }
  if (result.rejected.length > 0) out.push('rejected:');
  for (const rejected of result.rejected) {
    const what =
      rejected.promotionId === null
        ? `code "${String(rejected.details.code ?? '')}"`
        : (promotionNames.get(rejected.promotionId) ?? rejected.promotionId);
    out.push(`  ${what}: ${rejected.reason} [${rejected.code}]`);
  }
  const option = result.shipping.option;
  out.push(
    `shipping: ${option ? `${option.name.en} ` : ''}${money(result.shipping.fee)}` +
      `${result.shipping.discount > 0 ? ` − ${money(result.shipping.discount)}` : ''} = ${money(result.shipping.total)}` +
      `${result.shipping.requestedOptionUnavailable ? ' (the requested option is not available)' : ''}`,
  );
  out.push(`subtotal    ${money(result.subtotal)}`);
  out.push(`discount   −${money(result.discount)}`);
  out.push(`goods total ${money(result.merchandiseTotal)}`);
  out.push(`shipping    ${money(result.shipping.total)}`);
  out.push(
    `tax         ${money(result.tax.amount)}${result.tax.amount > 0 ? ` (${result.tax.ratePercent}%${result.tax.inclusive ? ', included' : ''})` : ''}`,
  );
  out.push(`grand total ${money(result.grandTotal)}`);
  return out.join('\n');
}
