/**
 * Builds a change over a virtual order: each step edits a copy of the order and notes the money
 * and stock it implies. Nothing here touches the database or a payment provider, so a preview
 * and a confirm of the same change build the same thing.
 */
import { newId } from '../core/index.js';
import type {
  ChargeSource,
  OrderChangeAction,
  OrderChangeDraft,
  PlannedCharge,
  PlannedRefund,
  StockMove,
} from './change-plan.js';
import { allocateToTenders, outstanding } from './refund-arithmetic.js';
import type {
  Order,
  OrderLine,
  OrderRequest,
  OrderStatus,
  OrderTransaction,
  PaymentMethodKind,
  RefundDestination,
} from './types.js';

export interface ChangeContext {
  readonly now: number;
  readonly operationId: string;
  readonly actor: string;
}

export class OrderDraft {
  order: Order;
  private readonly charges: PlannedCharge[] = [];
  private readonly refunds: PlannedRefund[] = [];
  private readonly stock: StockMove[] = [];
  private readonly voids: OrderTransaction[] = [];
  private readonly chargeSources = new Map<string, { source: ChargeSource; capture: boolean }>();

  constructor(
    readonly base: Order,
    readonly context: ChangeContext,
  ) {
    this.order = { ...base, updatedAt: context.now };
  }

  newId(prefix: string): string {
    return newId(prefix, this.context.now);
  }

  setStatus(status: OrderStatus): void {
    this.order = { ...this.order, status };
  }

  patch(changes: Partial<Order>): void {
    this.order = { ...this.order, ...changes };
  }

  line(lineId: string): OrderLine | undefined {
    return this.order.lines.find((line) => line.id === lineId);
  }

  updateLine(lineId: string, change: (line: OrderLine) => OrderLine): void {
    this.order = {
      ...this.order,
      lines: this.order.lines.map((line) => (line.id === lineId ? change(line) : line)),
    };
  }

  addLine(line: OrderLine): void {
    this.order = { ...this.order, lines: [...this.order.lines, line] };
  }

  addRequest(request: OrderRequest): void {
    this.order = { ...this.order, requests: [...this.order.requests, request] };
  }

  updateRequest(requestId: string, change: (request: OrderRequest) => OrderRequest): void {
    this.order = {
      ...this.order,
      requests: this.order.requests.map((request) => (request.id === requestId ? change(request) : request)),
    };
  }

  event(type: string, reason: string | null, data: Record<string, unknown> = {}): void {
    const last = this.order.timeline.at(-1)?.sequence ?? 0;
    this.order = {
      ...this.order,
      timeline: [
        ...this.order.timeline,
        {
          id: this.newId('oev'),
          sequence: last + 1,
          type,
          actor: this.context.actor,
          reason,
          data,
          createdAt: this.context.now,
        },
      ],
    };
  }

  moveStock(move: StockMove): void {
    this.stock.push(move);
  }

  private addTransaction(transaction: OrderTransaction): void {
    this.order = { ...this.order, transactions: [...this.order.transactions, transaction] };
  }

  private updateTransaction(id: string, change: (t: OrderTransaction) => OrderTransaction): void {
    this.order = {
      ...this.order,
      transactions: this.order.transactions.map((t) => (t.id === id ? change(t) : t)),
    };
  }

  private pending(
    type: OrderTransaction['type'],
    method: PaymentMethodKind,
    provider: string,
    label: string,
    amount: number,
    tenderId: string | null,
  ): OrderTransaction {
    const currency = this.order.currency;
    const transaction: OrderTransaction = {
      id: this.newId('otx'),
      type,
      method,
      provider,
      reference: null,
      label,
      amount: { amount, currency },
      refunded: { amount: 0, currency },
      status: 'pending',
      tenderId,
      operationId: this.context.operationId,
      createdAt: this.context.now,
    };
    this.addTransaction(transaction);
    return transaction;
  }

  /** A new payment, made before the change commits. */
  charge(source: ChargeSource, amount: number, label: string, capture: boolean): void {
    if (amount <= 0) return;
    const method: PaymentMethodKind = source.type;
    const provider = source.type === 'card' ? 'card' : 'stored_value';
    const transaction = this.pending('payment', method, provider, label, amount, null);
    this.chargeSources.set(transaction.id, { source, capture });
    this.charges.push({ transactionId: transaction.id, method, label, amount: transaction.amount });
  }

  /**
   * Notes a capture made outside this service (checkout captures at once): the payment becomes
   * captured and the history gains the capture. Less than the authorization releases the rest.
   */
  recordCapture(tender: OrderTransaction, amount: number, reference: string): void {
    const currency = this.order.currency;
    const released = outstanding(tender) - amount;
    this.updateTransaction(tender.id, (t) => ({
      ...t,
      status: 'captured',
      refunded: { amount: t.refunded.amount + released, currency },
    }));
    this.addTransaction({
      id: this.newId('otx'),
      type: 'capture',
      method: tender.method,
      provider: tender.provider,
      reference,
      label: tender.label,
      amount: { amount, currency },
      refunded: { amount: 0, currency },
      status: 'succeeded',
      tenderId: tender.id,
      operationId: this.context.operationId,
      createdAt: this.context.now,
    });
  }

  /** Drops a card authorization in favour of a new payment method. */
  dropAuthorization(tender: OrderTransaction): void {
    this.voids.push(tender);
    this.updateTransaction(tender.id, (t) => ({ ...t, status: 'voided' }));
    this.pending('void', tender.method, tender.provider, tender.label, outstanding(tender), tender.id);
  }

  /**
   * Plans a refund of `amount` to the destination. To the original method it is split across
   * the payments (refund-arithmetic decides the order), capped at what is left to refund.
   */
  refund(amount: number, destination: RefundDestination): void {
    if (amount <= 0) return;
    const currency = this.order.currency;
    if (destination !== 'original') {
      const label = destination === 'gift_card' ? 'New gift card' : 'Store credit';
      const t = this.pending('refund', destination, 'stored_value', label, amount, null);
      this.refunds.push({
        transactionId: t.id,
        destination,
        method: destination,
        label,
        amount: t.amount,
        tenderId: null,
        kind: 'refund',
      });
      return;
    }
    for (const part of allocateToTenders(amount, this.order.transactions)) {
      const tender = part.tender;
      const authorized = tender.status === 'authorized';
      const whole = part.amount === outstanding(tender) && tender.refunded.amount === 0;
      const kind: PlannedRefund['kind'] = authorized ? (whole ? 'void' : 'release') : 'refund';
      this.updateTransaction(tender.id, (t) => ({
        ...t,
        refunded: { amount: t.refunded.amount + part.amount, currency },
        status: kind === 'void' ? 'voided' : t.status,
      }));
      const t = this.pending(
        kind === 'void' ? 'void' : 'refund',
        tender.method,
        tender.provider,
        tender.label,
        part.amount,
        tender.id,
      );
      this.refunds.push({
        transactionId: t.id,
        destination,
        method: tender.method,
        label: tender.label,
        amount: t.amount,
        tenderId: tender.id,
        kind,
      });
    }
  }

  build(action: OrderChangeAction, requestId: string | null = null): OrderChangeDraft {
    const currency = this.order.currency;
    const sum = (items: readonly { amount: { amount: number } }[]) =>
      items.reduce((total, item) => total + item.amount.amount, 0);
    return {
      base: this.base,
      chargeSources: this.chargeSources,
      voids: this.voids,
      plan: {
        action,
        orderId: this.base.id,
        operationId: this.context.operationId,
        charges: this.charges,
        refunds: this.refunds,
        chargeTotal: { amount: sum(this.charges), currency },
        refundTotal: { amount: sum(this.refunds), currency },
        stock: this.stock,
        requestId,
        order: this.order,
      },
    };
  }
}
