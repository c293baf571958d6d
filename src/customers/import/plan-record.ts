/**
 * Turns one import line into everything it will write, checking all of it first: shape, card
 * numbers, gift card codes, SKUs, totals, and identifiers that belong to someone else. A record
 * that fails any check writes nothing.
 */
import { AisleError, type Money } from '../../core/index.js';
import type { NewOrder, OrderLineInput, OrderPaymentInput } from '../../orders/types.js';
import { normalizeGiftCardCode, rejectCardNumber } from '../../payments/index.js';
import type { Executor } from '../../store/index.js';
import {
  type ParsedAddress,
  type ParsedPaymentMethod,
  parsePaymentMethodInput,
  toPostalAddress,
} from '../customer-input.js';
import type { ProfileValues } from '../customer-rows.js';
import type { PersonalDataCodec } from '../personal-data.js';
import type { ImportCatalogPort } from '../types.js';
import type { ImportChecks } from './import-checks.js';
import { type CustomerRecord, customerRecordSchema, type ImportedOrder } from './import-record.js';
import { RecordRejected } from './record-rejected.js';
import { resolveImportTarget } from './resolve-import-target.js';

export interface PlannedGiftCard {
  /** Normalized; never stored by customers, only handed to payments. */
  readonly code: string;
  readonly balance: Money;
  readonly expiresAt?: number;
}

export type PlannedOrder = Omit<NewOrder, 'customerId'> & { readonly number: string };

export interface CustomerPlan {
  /** The Aisle id: the existing customer's, or a new one. */
  readonly id: string;
  readonly exists: boolean;
  readonly profile: ProfileValues & { readonly externalId: string };
  readonly addresses: readonly ParsedAddress[];
  readonly paymentMethods: readonly ParsedPaymentMethod[];
  readonly giftCards: readonly PlannedGiftCard[];
  readonly storeCredit: readonly Money[];
  readonly orders: readonly PlannedOrder[];
}

export interface PlanContext {
  readonly executor: Executor;
  readonly codec: PersonalDataCodec;
  readonly checks: ImportChecks;
  readonly catalog: ImportCatalogPort | undefined;
  readonly canImportOrders: boolean;
  readonly newCustomerId: () => string;
  readonly variants: Map<string, Awaited<ReturnType<ImportCatalogPort['findVariantBySku']>>>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RecordRejected('invalid_json', 'not a JSON object: each line holds one customer');
  }
}

function parseRecord(text: string): CustomerRecord {
  const parsed = customerRecordSchema.safeParse(parseJson(text));
  if (parsed.success) return parsed.data;
  const raw = parseJson(text) as { id?: unknown };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`);
  throw new RecordRejected(
    'invalid_record',
    issues.slice(0, 5).join('; '),
    typeof raw?.id === 'string' ? raw.id : undefined,
  );
}

async function variantFor(context: PlanContext, sku: string) {
  if (context.variants.has(sku)) return context.variants.get(sku) ?? null;
  const found = (await context.catalog?.findVariantBySku(sku)) ?? null;
  // A bounded cache: order lines repeat a store's best sellers, but a long import must not grow it forever.
  if (context.variants.size >= 10_000) context.variants.clear();
  context.variants.set(sku, found);
  return found;
}

const PAYMENT_LABELS = {
  card: 'Card',
  wallet: 'Wallet',
  gift_card: 'Gift card',
  store_credit: 'Store credit',
};

async function planOrder(
  context: PlanContext,
  order: ImportedOrder,
  record: CustomerRecord,
): Promise<PlannedOrder> {
  const where = `order ${order.number}`;
  const money = (amount: number): Money => ({ amount, currency: order.currency });
  const email = order.email ?? record.email;
  if (email === undefined) {
    throw new RecordRejected('missing_email', `${where}: needs an email, on the order or the customer`);
  }
  const lines: OrderLineInput[] = [];
  for (const line of order.lines) {
    const found = await variantFor(context, line.sku);
    if (found === null) {
      throw new RecordRejected(
        'unknown_sku',
        `${where}: SKU ${line.sku} is not in the catalog (import the catalog first)`,
      );
    }
    const gross = line.quantity * line.unitPrice;
    if (line.discount > gross) {
      throw new RecordRejected(
        'invalid_order',
        `${where}: the discount on ${line.sku} is larger than the line`,
      );
    }
    const title = found.product.title;
    lines.push({
      variantId: found.variant.id,
      productId: found.product.id,
      sku: line.sku,
      title: line.title ?? title[record.locale ?? 'en'] ?? title.en ?? Object.values(title)[0] ?? line.sku,
      optionValues: found.variant.optionValues,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      discounts:
        line.discount === 0
          ? []
          : [{ promotionId: 'imported', promotionVersion: 0, amount: money(line.discount) }],
      total: money(gross - line.discount),
      tax: money(line.tax),
      categoryPath: found.product.categoryPath,
      tags: found.product.tags,
    });
  }
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amount, 0);
  const discount = lines.reduce(
    (sum, line) => sum + line.discounts.reduce((s, d) => s + d.amount.amount, 0),
    0,
  );
  const tax = lines.reduce((sum, line) => sum + line.tax.amount, 0);
  if (order.shipping.discount > order.shipping.fee) {
    throw new RecordRejected('invalid_order', `${where}: the shipping discount is larger than the fee`);
  }
  const shipping = order.shipping.fee - order.shipping.discount;
  const total = subtotal - discount + shipping + (order.taxIncluded ? 0 : tax);
  if (order.total !== undefined && order.total !== total) {
    throw new RecordRejected(
      'total_mismatch',
      `${where}: total ${order.total} does not match ${total} computed from its lines, shipping and tax`,
    );
  }
  const payments: OrderPaymentInput[] = order.payments.map((payment) => {
    rejectCardNumber('reference', payment.reference);
    if (payment.label !== undefined) rejectCardNumber('label', payment.label);
    const storedValue = payment.kind === 'gift_card' || payment.kind === 'store_credit';
    if (!storedValue && payment.provider === undefined) {
      throw new RecordRejected('invalid_order', `${where}: a ${payment.kind} payment needs its provider`);
    }
    return {
      kind: payment.kind,
      reference: payment.reference,
      provider: storedValue ? 'stored_value' : (payment.provider ?? 'stripe'),
      amount: money(payment.amount),
      status: payment.status,
      label: payment.label ?? PAYMENT_LABELS[payment.kind],
    };
  });
  return {
    number: order.number,
    email,
    currency: order.currency,
    lines,
    shippingAddress: order.shippingAddress === null ? null : toPostalAddress(order.shippingAddress),
    ...(order.billingAddress !== undefined && {
      billingAddress: order.billingAddress === null ? null : toPostalAddress(order.billingAddress),
    }),
    shipping: {
      optionId: 'imported',
      label: order.shipping.label,
      fee: money(order.shipping.fee),
      discount: money(order.shipping.discount),
    },
    totals: {
      subtotal: money(subtotal),
      discount: money(discount),
      shipping: money(shipping),
      tax: money(tax),
      total: money(total),
    },
    payments,
    promotions: [],
    checkoutId: null,
    channel: order.channel,
    status: order.status,
    placedAt: order.placedAt,
  };
}

async function planRecordFields(context: PlanContext, record: CustomerRecord): Promise<CustomerPlan> {
  if (record.orders.length > 0 && !context.canImportOrders) {
    throw new RecordRejected(
      'orders_unavailable',
      'this import cannot write orders: no order importer is configured',
    );
  }
  if (record.orders.length > 0 && context.catalog === undefined) {
    throw new RecordRejected(
      'catalog_unavailable',
      'this import cannot resolve order SKUs: no catalog is configured',
    );
  }
  const paymentMethods = record.paymentMethods.map(parsePaymentMethodInput);
  const giftCards = record.giftCards.map((card) => ({
    code: normalizeGiftCardCode(card.code),
    balance: card.balance,
    ...(card.expiresAt !== undefined && { expiresAt: card.expiresAt }),
  }));
  const currencies = new Set<string>();
  for (const credit of record.storeCredit) {
    if (currencies.has(credit.currency)) {
      throw new RecordRejected('invalid_record', `storeCredit lists ${credit.currency} twice`);
    }
    currencies.add(credit.currency);
  }
  const orders: PlannedOrder[] = [];
  for (const order of record.orders) orders.push(await planOrder(context, order, record));
  const profile = {
    externalId: record.id,
    name: record.name,
    email: record.email ?? null,
    phone: record.phone ?? null,
    tier: record.tier ?? null,
    segment: record.segment ?? null,
    tags: record.tags,
    locale: record.locale ?? null,
    marketingConsent: record.marketingConsent,
  };
  const target = await resolveImportTarget(
    context.executor,
    context.codec,
    profile,
    orders.map((o) => o.number),
  );
  return {
    id: target.id ?? context.newCustomerId(),
    exists: target.id !== null,
    profile,
    addresses: record.addresses,
    paymentMethods,
    giftCards,
    storeCredit: record.storeCredit,
    orders,
  };
}

/** The plan for one line; throws RecordRejected naming what is wrong with it. */
export async function planRecord(context: PlanContext, text: string): Promise<CustomerPlan> {
  const record = parseRecord(text);
  try {
    const plan = await planRecordFields(context, record);
    const identity = {
      externalId: record.id,
      emailKey: record.email === undefined ? null : context.codec.lookupKey('email', record.email),
      orderNumbers: plan.orders.map((order) => order.number),
    };
    const repeated = context.checks.repeated(identity);
    if (repeated !== undefined) throw new RecordRejected(repeated.code, repeated.reason);
    context.checks.accept(identity);
    return plan;
  } catch (error) {
    if (error instanceof RecordRejected) throw new RecordRejected(error.code, error.reason, record.id);
    if (AisleError.isInstance(error) && error.status < 500)
      throw new RecordRejected(error.code, error.message, record.id);
    throw error;
  }
}
