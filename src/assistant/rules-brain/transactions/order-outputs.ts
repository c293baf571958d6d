/**
 * The order tools' outputs read back, parsed rather than trusted. A change's amounts are the
 * engine's figures, which the tools write as money text for the model; they are read back into
 * money here so each reply formats them in its own language. The same figures are in the facts
 * the guard checks.
 */
import { z } from 'zod';
import { type Money, parseMoney } from '../../../core/index.js';
import type { OrderFact } from '../../facts/index.js';
import type { ToolResult } from '../../tools/index.js';

const orderLine = z.object({
  lineId: z.string(),
  title: z.string(),
  options: z.array(z.string()),
  quantity: z.number(),
  returned: z.number().optional(),
});

const orderSummary = z.object({
  number: z.string(),
  status: z.string(),
  lines: z.array(orderLine),
  carrier: z.string().nullable().optional(),
  trackingNumber: z.string().optional(),
});

export type OrderSummary = z.infer<typeof orderSummary>;
export type OrderLineSummary = z.infer<typeof orderLine>;

const orderList = z.object({ orders: z.array(z.object({ number: z.string(), status: z.string() })) });

const change = z.object({
  orderNumber: z.string(),
  refund: z.string().optional(),
  refunds: z.array(z.object({ to: z.string(), amount: z.string() })).optional(),
  refundOnReceipt: z.string().optional(),
  refundTo: z.string().optional(),
  charge: z.string().optional(),
  charges: z.array(z.object({ method: z.string(), amount: z.string() })).optional(),
  confirmationId: z.string().optional(),
});

type ChangeOutput = z.infer<typeof change>;

export interface OrderChange {
  readonly orderNumber: string;
  readonly confirmationId: string | undefined;
  /** Money going back now, by destination label ("PayPal", "Visa •••• 4242"). */
  readonly refunds: readonly { readonly to: string; readonly amount: Money }[];
  /** A return's refund, issued when the parcel arrives. */
  readonly refundOnReceipt: Money | null;
  readonly refundTo: string | undefined;
  readonly charge: Money | null;
  readonly chargeMethods: readonly string[];
}

export function readOrder(result: ToolResult): { summary: OrderSummary; fact: OrderFact | undefined } {
  return {
    summary: orderSummary.parse(result.output),
    fact: result.facts.find((f): f is OrderFact => f.kind === 'order'),
  };
}

export function readOrderList(
  result: ToolResult,
): { number: string; status: string; fact: OrderFact | undefined }[] {
  const facts = result.facts.filter((f): f is OrderFact => f.kind === 'order');
  return orderList
    .parse(result.output)
    .orders.map((o) => ({ ...o, fact: facts.find((f) => f.number === o.number) }));
}

export function readChange(result: ToolResult, currency: string): OrderChange {
  const output: ChangeOutput = change.parse(result.output);
  const amount = (text: string) => parseMoney(text, currency);
  return {
    orderNumber: output.orderNumber,
    confirmationId: output.confirmationId,
    refunds: (output.refunds ?? []).map((r) => ({ to: r.to, amount: amount(r.amount) })),
    refundOnReceipt: output.refundOnReceipt === undefined ? null : amount(output.refundOnReceipt),
    refundTo: output.refundTo,
    charge: output.charge === undefined ? null : amount(output.charge),
    chargeMethods: (output.charges ?? []).map((c) => c.method),
  };
}
