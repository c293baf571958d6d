/**
 * Carts for anonymous shoppers (id + secret token) and customers, priced on every read through
 * the rules engine, and checkout: holds and a frozen quote on start, the completion saga after.
 */
import type { CatalogService } from '../catalog/index.js';
import { type Clock, ConflictError, NotFoundError, newId, ValidationError } from '../core/index.js';
import type { InventoryService } from '../inventory/index.js';
import type { PostalAddress } from '../orders/types.js';
import type { PaymentProvider, TenderPayments } from '../payments/index.js';
import type { PricingOptions } from '../rules/index.js';
import type { Store, Tx } from '../store/index.js';
import type { CartsTable } from '../store/schema/carts.js';
import { buildQuote } from './build-quote.js';
import { pricesWhenAdded, readCart, readCartRow } from './cart-rows.js';
import { hashCartToken, newCartToken, tokenMatches } from './cart-token.js';
import { readCheckoutRow, toCheckout } from './checkout-records.js';
import { type CheckoutHooks, createCheckoutSaga, type RecoveryReport } from './checkout-saga.js';
import type {
  Cart,
  CartView,
  Checkout,
  CheckoutOutcome,
  CompleteCheckoutInput,
  CustomerFactsSource,
  OrderSink,
  PromotionSource,
  Quote,
} from './types.js';

export interface CartServiceDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly catalog: Pick<CatalogService, 'findVariants'>;
  readonly inventory: InventoryService;
  readonly payments: { readonly tenders: TenderPayments; readonly provider: PaymentProvider };
  readonly orders: OrderSink;
  readonly promotions: PromotionSource;
  readonly customers?: CustomerFactsSource;
  /** How long checkout holds stock (default 900 s). */
  readonly holdTtlSeconds?: number;
  readonly channel?: string;
  /** Units of one variant a cart may hold (default 99). */
  readonly maxLineQuantity?: number;
  /** Distinct lines a cart may hold (default 100). */
  readonly maxLines?: number;
  readonly pricing?: PricingOptions;
  /** How long a completion may go silent before another process resumes it (default 60 s). */
  readonly leaseMs?: number;
  readonly hooks?: CheckoutHooks;
}

export interface ShippingInput {
  readonly address?: PostalAddress | null;
  readonly optionId?: string | null;
}

export interface CartService {
  createCart(input?: {
    customerId?: string | null;
    email?: string;
  }): Promise<{ cartId: string; token: string; view: CartView }>;
  /** Throws the same 404 for an unknown cart and a wrong token, so tokens cannot be probed. */
  authenticate(cartId: string, token: string): Promise<void>;
  getCart(cartId: string): Promise<CartView>;
  addLine(cartId: string, input: { variantId: string; quantity: number }): Promise<CartView>;
  /** A quantity of 0 removes the line. */
  updateLine(cartId: string, lineId: string, quantity: number): Promise<CartView>;
  removeLine(cartId: string, lineId: string): Promise<CartView>;
  applyCoupon(cartId: string, code: string): Promise<CartView>;
  removeCoupon(cartId: string, code: string): Promise<CartView>;
  setShipping(cartId: string, input: ShippingInput): Promise<CartView>;
  setDetails(cartId: string, input: { email?: string | null; notes?: string | null }): Promise<CartView>;
  /**
   * Signing in: the cart becomes the customer's, and their earlier open cart is merged into it
   * (quantities summed up to the line maximum, coupons kept).
   */
  attachCustomer(cartId: string, customerId: string): Promise<CartView>;
  /** Holds the stock and freezes the quote; returns the open checkout when there is one. */
  startCheckout(cartId: string): Promise<Checkout>;
  getCheckout(cartId: string): Promise<Checkout | null>;
  completeCheckout(cartId: string, input: CompleteCheckoutInput): Promise<CheckoutOutcome>;
  /** Run at start-up: resumes or undoes every interrupted completion; closes lapsed checkouts. */
  recoverCheckouts(): Promise<RecoveryReport>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUPON = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
const MAX_COUPONS = 5;

export function createCartService(deps: CartServiceDependencies): CartService {
  const { store, clock, catalog, inventory, promotions } = deps;
  const channel = deps.channel ?? 'online';
  const holdTtlSeconds = deps.holdTtlSeconds ?? 900;
  const maxLineQuantity = deps.maxLineQuantity ?? 99;
  const maxLines = deps.maxLines ?? 100;

  async function heldByCart(cart: Cart): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    if (cart.checkoutId === null) return held;
    const checkout = await readCheckoutRow(store.db, cart.checkoutId);
    const reservation = await inventory.getReservation(checkout.reservation_id);
    if (reservation.status !== 'active') return held;
    for (const line of reservation.lines)
      held.set(line.variantId, (held.get(line.variantId) ?? 0) + line.quantity);
    return held;
  }

  async function quoteOf(cart: Cart): Promise<Quote> {
    const variantIds = cart.lines.map((line) => line.variantId);
    const [items, availability, held, prices, current, customer] = await Promise.all([
      catalog.findVariants(variantIds),
      inventory.availability(variantIds, { channel }),
      heldByCart(cart),
      pricesWhenAdded(store.db, cart.id),
      promotions.current(),
      cart.customerId !== null && deps.customers ? deps.customers(cart.customerId) : Promise.resolve(null),
    ]);
    const ruleSet = { ...current.ruleSet, policies: current.policies };
    const usage = await promotions.usage(
      ruleSet.promotions.map((promotion) => promotion.id),
      cart.customerId,
    );
    return buildQuote({
      cart,
      items,
      availability,
      heldByCart: held,
      pricesWhenAdded: prices,
      ruleSet,
      usage,
      customer,
      now: clock.now(),
      channel,
      ...(deps.pricing !== undefined && { pricing: deps.pricing }),
    });
  }

  async function view(cartId: string): Promise<CartView> {
    const cart = await readCart(store.db, cartId);
    return { cart, quote: await quoteOf(cart) };
  }

  /**
   * Changes a cart. A checkout waiting for payment is given up (its holds released) since it no
   * longer matches the cart; one whose payment is under way refuses the change.
   */
  async function mutate(
    cartId: string,
    change: (trx: Tx, row: CartsTable) => Promise<void>,
  ): Promise<CartView> {
    const abandoned = await store.transaction(async (trx) => {
      const row = await readCartRow(trx, cartId);
      if (row.status !== 'open')
        throw new ConflictError('cart_closed', `cart ${cartId} is ${row.status}`, { cartId });
      let released: string | null = null;
      if (row.checkout_id !== null) {
        const checkout = await readCheckoutRow(trx, row.checkout_id);
        if (checkout.status === 'processing' || checkout.status === 'requires_action') {
          throw new ConflictError(
            'checkout_in_progress',
            'the cart cannot change while its payment is under way',
            { cartId },
          );
        }
        const now = clock.now();
        await trx
          .updateTable('checkouts')
          .set({ status: 'abandoned', updated_at: now })
          .where('id', '=', checkout.id)
          .execute();
        await trx.updateTable('carts').set({ checkout_id: null }).where('id', '=', cartId).execute();
        released = checkout.reservation_id;
      }
      await change(trx, row);
      await trx.updateTable('carts').set({ updated_at: clock.now() }).where('id', '=', cartId).execute();
      return released;
    });
    if (abandoned !== null) await inventory.release(abandoned);
    return view(cartId);
  }

  function checkQuantity(quantity: number, allowZero: boolean): void {
    if (!Number.isSafeInteger(quantity) || quantity < (allowZero ? 0 : 1)) {
      throw new ValidationError(
        'quantity must be a whole number of at least 1',
        { field: 'quantity' },
        'invalid_quantity',
      );
    }
    if (quantity > maxLineQuantity) {
      throw new ValidationError(
        `at most ${maxLineQuantity} of one item per cart`,
        { field: 'quantity', max: maxLineQuantity },
        'quantity_limit',
      );
    }
  }

  async function requireLine(trx: Tx, cartId: string, lineId: string) {
    const line = await trx
      .selectFrom('cart_lines')
      .selectAll()
      .where('id', '=', lineId)
      .where('cart_id', '=', cartId)
      .executeTakeFirst();
    if (line === undefined) throw new NotFoundError('cart line', lineId, 'line_not_found');
    return line;
  }

  /** Adds lines into the cart, summing with a line of the same variant and capping at the maximum. */
  async function addUnits(
    trx: Tx,
    cartId: string,
    variantId: string,
    quantity: number,
    price: number,
    cap: boolean,
  ) {
    const now = clock.now();
    const existing = await trx
      .selectFrom('cart_lines')
      .selectAll()
      .where('cart_id', '=', cartId)
      .where('variant_id', '=', variantId)
      .executeTakeFirst();
    if (existing !== undefined) {
      const total = existing.quantity + quantity;
      if (!cap) checkQuantity(total, false);
      await trx
        .updateTable('cart_lines')
        .set({ quantity: Math.min(total, maxLineQuantity), updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      return;
    }
    const count = await trx
      .selectFrom('cart_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cart_id', '=', cartId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= maxLines)
      throw new ConflictError('cart_full', `a cart holds at most ${maxLines} different items`, {
        max: maxLines,
      });
    await trx
      .insertInto('cart_lines')
      .values({
        id: newId('line', now),
        cart_id: cartId,
        variant_id: variantId,
        quantity: Math.min(quantity, maxLineQuantity),
        price_when_added: price,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async function sellablePrice(variantId: string, currency: string): Promise<number> {
    const item = (await catalog.findVariants([variantId])).get(variantId);
    if (item === undefined) throw new NotFoundError('variant', variantId, 'variant_not_found');
    if (item.product.status !== 'active' || item.variant.price.currency !== currency) {
      throw new ConflictError('item_unavailable', 'this item is not for sale', { variantId });
    }
    const availability = (await inventory.availability([variantId], { channel })).get(variantId);
    if (!availability?.inStock)
      throw new ConflictError('out_of_stock', 'this item is out of stock', { variantId });
    return item.variant.price.amount;
  }

  const saga = createCheckoutSaga({
    store,
    clock,
    inventory,
    payments: deps.payments,
    orders: deps.orders,
    promotions,
    requote: async (cartId) => quoteOf(await readCart(store.db, cartId)),
    channel,
    leaseMs: deps.leaseMs ?? 60_000,
    hooks: deps.hooks ?? {},
  });

  async function latestCheckoutId(cartId: string): Promise<string | null> {
    const row = await readCartRow(store.db, cartId);
    if (row.checkout_id !== null) return row.checkout_id;
    const last = await store.db
      .selectFrom('checkouts')
      .select('id')
      .where('cart_id', '=', cartId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return last?.id ?? null;
  }

  function assertReadyForCheckout(cart: Cart, quote: Quote): void {
    if (cart.lines.length === 0) throw new ConflictError('cart_empty', 'the cart is empty');
    const unavailable = quote.messages.find((m) => m.code === 'item_unavailable');
    if (unavailable)
      throw new ConflictError('item_unavailable', unavailable.message.en, { lineId: unavailable.lineId });
    if (cart.email === null)
      throw new ConflictError('email_required', 'an email address is needed to check out');
    if (cart.shippingAddress === null)
      throw new ConflictError('shipping_address_required', 'a shipping address is needed to check out');
    if (quote.shipping.option === null && quote.shipping.options.length === 0) {
      throw new ConflictError('shipping_unavailable', 'no shipping option serves this address and parcel');
    }
  }

  return {
    async createCart(input = {}) {
      if (input.email !== undefined && !EMAIL.test(input.email))
        throw new ValidationError('not an email address', { field: 'email' }, 'invalid_email');
      const now = clock.now();
      const { ruleSet } = await promotions.current();
      const cartId = newId('cart', now);
      const token = newCartToken();
      await store.db
        .insertInto('carts')
        .values({
          id: cartId,
          token_hash: hashCartToken(token),
          customer_id: input.customerId ?? null,
          currency: ruleSet.currency,
          status: 'open',
          email: input.email ?? null,
          notes: null,
          shipping_address: null,
          shipping_option_id: null,
          coupons: '[]',
          checkout_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return { cartId, token, view: await view(cartId) };
    },

    async authenticate(cartId, token) {
      const row = await store.db
        .selectFrom('carts')
        .select('token_hash')
        .where('id', '=', cartId)
        .executeTakeFirst();
      if (row === undefined || !tokenMatches(token, row.token_hash))
        throw new NotFoundError('cart', cartId, 'cart_not_found');
    },

    getCart: view,

    async addLine(cartId, { variantId, quantity }) {
      checkQuantity(quantity, false);
      const row = await readCartRow(store.db, cartId);
      const price = await sellablePrice(variantId, row.currency);
      return mutate(cartId, (trx) => addUnits(trx, cartId, variantId, quantity, price, false));
    },

    async updateLine(cartId, lineId, quantity) {
      checkQuantity(quantity, true);
      return mutate(cartId, async (trx) => {
        await requireLine(trx, cartId, lineId);
        if (quantity === 0) await trx.deleteFrom('cart_lines').where('id', '=', lineId).execute();
        else
          await trx
            .updateTable('cart_lines')
            .set({ quantity, updated_at: clock.now() })
            .where('id', '=', lineId)
            .execute();
      });
    },

    async removeLine(cartId, lineId) {
      return mutate(cartId, async (trx) => {
        await requireLine(trx, cartId, lineId);
        await trx.deleteFrom('cart_lines').where('id', '=', lineId).execute();
      });
    },

    async applyCoupon(cartId, code) {
      const normalized = code.trim().toUpperCase();
      if (!COUPON.test(normalized))
        throw new ValidationError(
          'a code is 1 to 40 letters, digits, - or _',
          { field: 'code' },
          'invalid_coupon',
        );
      return mutate(cartId, async (trx, row) => {
        const coupons = JSON.parse(row.coupons) as string[];
        if (coupons.includes(normalized)) return;
        if (coupons.length >= MAX_COUPONS)
          throw new ConflictError('too_many_coupons', `at most ${MAX_COUPONS} codes per cart`);
        await trx
          .updateTable('carts')
          .set({ coupons: JSON.stringify([...coupons, normalized]) })
          .where('id', '=', cartId)
          .execute();
      });
    },

    async removeCoupon(cartId, code) {
      const normalized = code.trim().toUpperCase();
      return mutate(cartId, async (trx, row) => {
        const coupons = JSON.parse(row.coupons) as string[];
        if (!coupons.includes(normalized))
          throw new NotFoundError('coupon', normalized, 'coupon_not_in_cart');
        await trx
          .updateTable('carts')
          .set({ coupons: JSON.stringify(coupons.filter((c) => c !== normalized)) })
          .where('id', '=', cartId)
          .execute();
      });
    },

    async setShipping(cartId, input) {
      return mutate(cartId, async (trx) => {
        await trx
          .updateTable('carts')
          .set({
            ...(input.address !== undefined && {
              shipping_address: input.address === null ? null : JSON.stringify(input.address),
            }),
            ...(input.optionId !== undefined && { shipping_option_id: input.optionId }),
          })
          .where('id', '=', cartId)
          .execute();
      });
    },

    async setDetails(cartId, input) {
      if (input.email != null && !EMAIL.test(input.email))
        throw new ValidationError('not an email address', { field: 'email' }, 'invalid_email');
      if (input.notes != null && input.notes.length > 1000)
        throw new ValidationError('notes are at most 1000 characters', { field: 'notes' }, 'notes_too_long');
      return mutate(cartId, async (trx) => {
        await trx
          .updateTable('carts')
          .set({
            ...(input.email !== undefined && { email: input.email }),
            ...(input.notes !== undefined && { notes: input.notes }),
          })
          .where('id', '=', cartId)
          .execute();
      });
    },

    async attachCustomer(cartId, customerId) {
      if (customerId.trim() === '') throw new ValidationError('customerId is empty', { field: 'customerId' });
      return mutate(cartId, async (trx, row) => {
        if (row.customer_id !== null && row.customer_id !== customerId) {
          throw new ConflictError('cart_owned', 'this cart belongs to another customer', { cartId });
        }
        const earlier = await trx
          .selectFrom('carts')
          .selectAll()
          .where('customer_id', '=', customerId)
          .where('status', '=', 'open')
          .where('id', '!=', cartId)
          .where('checkout_id', 'is', null)
          .execute();
        let coupons = JSON.parse(row.coupons) as string[];
        for (const other of earlier) {
          const lines = await trx
            .selectFrom('cart_lines')
            .selectAll()
            .where('cart_id', '=', other.id)
            .orderBy('created_at')
            .execute();
          for (const line of lines)
            await addUnits(trx, cartId, line.variant_id, line.quantity, line.price_when_added, true);
          coupons = [...new Set([...coupons, ...(JSON.parse(other.coupons) as string[])])].slice(
            0,
            MAX_COUPONS,
          );
          await trx
            .updateTable('carts')
            .set({ status: 'merged', updated_at: clock.now() })
            .where('id', '=', other.id)
            .execute();
        }
        await trx
          .updateTable('carts')
          .set({
            customer_id: customerId,
            coupons: JSON.stringify(coupons),
            ...(row.email === null && earlier[0]?.email != null && { email: earlier[0].email }),
          })
          .where('id', '=', cartId)
          .execute();
      });
    },

    async startCheckout(cartId) {
      const row = await readCartRow(store.db, cartId);
      if (row.status !== 'open')
        throw new ConflictError('cart_closed', `cart ${cartId} is ${row.status}`, { cartId });
      if (row.checkout_id !== null) {
        const current = await readCheckoutRow(store.db, row.checkout_id);
        if (current.expires_at > clock.now()) return toCheckout(current);
        if (current.status === 'processing')
          throw new ConflictError('checkout_in_progress', 'the payment is under way', { cartId });
        await saga.expire(current);
      }
      const cart = await readCart(store.db, cartId);
      const quote = await quoteOf(cart);
      assertReadyForCheckout(cart, quote);
      const now = clock.now();
      const checkoutId = newId('chk', now);
      const reservation = await inventory.reserve({
        referenceType: 'checkout',
        referenceId: checkoutId,
        ttlSeconds: holdTtlSeconds,
        channel,
        lines: cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
      });
      const stored = await store.transaction(async (trx) => {
        const claimed = await trx
          .updateTable('carts')
          .set({ checkout_id: checkoutId, updated_at: now })
          .where('id', '=', cartId)
          .where('checkout_id', 'is', null)
          .where('updated_at', '=', cart.updatedAt)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return false;
        await trx
          .insertInto('checkouts')
          .values({
            id: checkoutId,
            cart_id: cartId,
            status: 'open',
            reservation_id: reservation.id,
            quote: JSON.stringify(quote),
            currency: quote.currency,
            total: quote.total.amount,
            expires_at: reservation.expiresAt,
            attempt_key: null,
            lease_owner: null,
            lease_until: null,
            order_id: null,
            order_number: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        return true;
      });
      if (!stored) {
        // Another request started checkout or changed the cart meanwhile: its state wins.
        await inventory.release(reservation.id);
        const current = await readCartRow(store.db, cartId);
        if (current.checkout_id !== null)
          return toCheckout(await readCheckoutRow(store.db, current.checkout_id));
        throw new ConflictError('cart_changed', 'the cart changed while checkout started; try again', {
          cartId,
        });
      }
      return toCheckout(await readCheckoutRow(store.db, checkoutId));
    },

    async getCheckout(cartId) {
      const id = await latestCheckoutId(cartId);
      return id === null ? null : toCheckout(await readCheckoutRow(store.db, id));
    },

    async completeCheckout(cartId, input) {
      const checkoutId = await latestCheckoutId(cartId);
      if (checkoutId === null)
        throw new ConflictError('checkout_not_started', 'start checkout before completing it', { cartId });
      return saga.complete(checkoutId, input);
    },

    recoverCheckouts: () => saga.recover(),
  };
}
