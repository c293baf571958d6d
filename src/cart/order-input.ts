/** The order a completed checkout places: the frozen quote, the cart's details and the tenders that paid. */
import type { NewOrder, OrderPaymentInput } from '../orders/types.js';
import type { TenderPaymentResult } from '../payments/index.js';
import type { Cart, Quote } from './types.js';

function paymentsOf(
  payment: TenderPaymentResult | null,
  provider: 'sandbox' | 'stripe',
): OrderPaymentInput[] {
  if (payment === null) return [];
  return payment.allocations.map((allocation) =>
    allocation.type === 'card'
      ? {
          kind: payment.cardPayment?.paymentMethod?.kind === 'wallet' ? 'wallet' : 'card',
          reference: allocation.paymentId ?? payment.reference,
          provider,
          amount: allocation.amount,
          status: 'authorized',
          label: allocation.label,
        }
      : {
          kind: allocation.type,
          reference: payment.reference,
          provider: 'stored_value',
          amount: allocation.amount,
          status: 'captured',
          label: allocation.label,
        },
  );
}

export function toNewOrder(input: {
  cart: Cart;
  quote: Quote;
  checkoutId: string;
  channel: string;
  payment: TenderPaymentResult | null;
  provider: 'sandbox' | 'stripe';
  placedAt: number;
}): NewOrder {
  const { cart, quote } = input;
  const currency = quote.currency;
  const option = quote.shipping.option;
  return {
    customerId: cart.customerId,
    email: cart.email ?? '',
    currency,
    lines: quote.lines
      .filter((line) => line.unitPrice !== null && line.productId !== null)
      .map((line) => ({
        variantId: line.variantId,
        productId: line.productId ?? '',
        sku: line.sku,
        title: line.title.en ?? Object.values(line.title)[0] ?? '',
        optionValues: line.optionValues,
        quantity: line.quantity,
        unitPrice: line.unitPrice ?? { amount: 0, currency },
        discounts: line.discounts.map((d) => ({
          promotionId: d.promotionId,
          promotionVersion: d.version,
          amount: d.amount,
        })),
        total: line.total,
        tax: line.tax,
        categoryPath: line.categoryPath,
        tags: line.tags,
      })),
    shippingAddress: cart.shippingAddress,
    shipping: {
      optionId: option?.id ?? 'none',
      label: option?.name.en ?? 'No shipping',
      fee: quote.shipping.fee,
      discount: quote.shipping.discount,
    },
    totals: {
      subtotal: quote.subtotal,
      discount: quote.discount,
      shipping: quote.shipping.total,
      tax: quote.tax.amount,
      total: quote.total,
    },
    payments: paymentsOf(input.payment, input.provider),
    promotions: quote.applied.map((a) => ({
      promotionId: a.promotionId,
      version: a.version,
      amount: a.amount,
    })),
    checkoutId: input.checkoutId,
    channel: input.channel,
    status: 'pending',
    placedAt: input.placedAt,
  };
}
