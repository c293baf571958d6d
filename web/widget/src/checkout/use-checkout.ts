/**
 * Checkout inside the chat, on the cart API: details → delivery → payment, then the bank's
 * challenge when the card needs one, then the order. Every amount shown comes from the cart's
 * quote; the widget only collects what the shopper types.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CartAccess, CartsClient } from '../api/carts.js';
import { ApiError } from '../api/http.js';
import type { CartView, Checkout, Money } from '../api/types.js';
import { type AddressInput, toPostalAddress } from './address-rules.js';
import { newIdempotencyKey } from './idempotency-key.js';

export type CheckoutStep = 'loading' | 'details' | 'delivery' | 'payment' | 'challenge' | 'done';

/** Why the last step could not go on, in terms the sheet explains to the shopper. */
export type CheckoutProblem =
  | { readonly kind: 'declined'; readonly reason: string }
  | { readonly kind: 'hold_expired' }
  | { readonly kind: 'price_changed'; readonly total: Money }
  | { readonly kind: 'out_of_stock' }
  | { readonly kind: 'no_shipping' }
  | { readonly kind: 'error'; readonly message: string | null };

export interface PlacedOrder {
  readonly id: string;
  readonly number: string;
  readonly total: Money;
  readonly email: string | null;
}

interface Attempt {
  readonly key: string;
  readonly token: string;
  readonly expectedTotal?: number;
}

const CHALLENGE_POLL_MS = 2000;

export function useCheckout(carts: CartsClient, access: CartAccess | null) {
  const [step, setStep] = useState<CheckoutStep>('loading');
  const [view, setView] = useState<CartView | null>(null);
  const [checkout, setCheckout] = useState<Checkout | null>(null);
  const [problem, setProblem] = useState<CheckoutProblem | null>(null);
  const [working, setWorking] = useState(false);
  const [challengeUrl, setChallengeUrl] = useState<string | null>(null);
  const [order, setOrder] = useState<PlacedOrder | null>(null);
  const attempt = useRef<Attempt | null>(null);

  useEffect(() => {
    if (access === null) return;
    let live = true;
    carts
      .get(access)
      .then((loaded) => {
        if (!live) return;
        setView(loaded);
        const { cart, quote } = loaded;
        if (cart.email === null || cart.shippingAddress === null) setStep('details');
        else if (quote.shipping.options.length > 1 && quote.shipping.option === null) setStep('delivery');
        else setStep('payment');
      })
      .catch((error: unknown) => {
        if (!live) return;
        setProblem(explain(error));
        setStep('details');
      });
    return () => {
      live = false;
    };
  }, [carts, access]);

  /** Runs one call to the API with the sheet busy, turning failures into a problem to show. */
  const guarded = useCallback(async <T>(work: () => Promise<T>): Promise<T | null> => {
    setWorking(true);
    setProblem(null);
    try {
      return await work();
    } catch (error) {
      const found = explain(error);
      // A lapsed hold is gone for good: the next payment holds the items again.
      if (found.kind === 'hold_expired') setCheckout(null);
      setProblem(found);
      return null;
    } finally {
      setWorking(false);
    }
  }, []);

  const saveDetails = useCallback(
    async (input: AddressInput, needsEmail: boolean) => {
      if (access === null) return;
      const saved = await guarded(async () => {
        if (needsEmail) await carts.setEmail(access, input.email.trim());
        return carts.setShipping(access, { address: toPostalAddress(input) });
      });
      if (saved === null) return;
      setView(saved);
      setCheckout(null);
      if (saved.quote.shipping.options.length === 0) setProblem({ kind: 'no_shipping' });
      else setStep('delivery');
    },
    [access, carts, guarded],
  );

  const chooseDelivery = useCallback(
    async (optionId: string) => {
      if (access === null) return;
      const current = view?.quote.shipping.option?.id ?? null;
      if (current === optionId) {
        setStep('payment');
        return;
      }
      const saved = await guarded(() => carts.setShipping(access, { optionId }));
      if (saved === null) return;
      setView(saved);
      setCheckout(null);
      setStep('payment');
    },
    [access, carts, guarded, view],
  );

  const finish = useCallback(
    (placed: { order: { id: string; number: string }; total: Money }) => {
      attempt.current = null;
      setChallengeUrl(null);
      setOrder({ ...placed.order, total: placed.total, email: view?.cart.email ?? null });
      setStep('done');
    },
    [view],
  );

  /** One call to complete the checkout with the current attempt's key; the same key is safe to repeat. */
  const complete = useCallback(async (): Promise<void> => {
    const current = attempt.current;
    if (access === null || current === null) return;
    const outcome = await carts.complete(access, {
      paymentToken: current.token,
      idempotencyKey: current.key,
      ...(current.expectedTotal !== undefined && { expectedTotal: current.expectedTotal }),
    });
    if (outcome.status === 'completed') finish(outcome);
    else {
      setChallengeUrl(outcome.challenge.url);
      setStep('challenge');
    }
  }, [access, carts, finish]);

  const pay = useCallback(
    async (token: string, expectedTotal?: number) => {
      if (access === null) return;
      // A new card (or a new total) is a new attempt: the old key keeps answering its old outcome.
      attempt.current = {
        key: newIdempotencyKey(),
        token,
        ...(expectedTotal !== undefined && { expectedTotal }),
      };
      await guarded(async () => {
        const held =
          checkout !== null && checkout.expiresAt > Date.now() ? checkout : await carts.startCheckout(access);
        setCheckout(held);
        await complete();
      });
    },
    [access, carts, checkout, complete, guarded],
  );

  /** After a lapsed hold: hold the items again, so the shopper can pay. */
  const holdAgain = useCallback(async () => {
    if (access === null) return;
    const held = await guarded(() => carts.startCheckout(access));
    if (held !== null) setCheckout(held);
  }, [access, carts, guarded]);

  // While the bank's page is open, ask again with the same key until it has an answer.
  useEffect(() => {
    if (step !== 'challenge') return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        await complete();
      } catch (error) {
        if (!live) return;
        setProblem(explain(error));
        setChallengeUrl(null);
        setStep('payment');
        return;
      }
      if (live) timer = setTimeout(poll, CHALLENGE_POLL_MS);
    };
    timer = setTimeout(poll, CHALLENGE_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [step, complete]);

  const checkNow = useCallback(() => guarded(complete), [guarded, complete]);
  const lastToken = useCallback(() => attempt.current?.token ?? null, []);

  return {
    step,
    setStep,
    view,
    checkout,
    problem,
    working,
    challengeUrl,
    order,
    saveDetails,
    chooseDelivery,
    pay,
    holdAgain,
    checkNow,
    lastToken,
  };
}

export type CheckoutController = ReturnType<typeof useCheckout>;

function explain(error: unknown): CheckoutProblem {
  if (!ApiError.isInstance(error)) return { kind: 'error', message: null };
  const details = (error.details ?? {}) as { reason?: unknown; total?: unknown };
  switch (error.code) {
    case 'payment_declined':
      return { kind: 'declined', reason: typeof details.reason === 'string' ? details.reason : 'other' };
    case 'hold_expired':
      return { kind: 'hold_expired' };
    case 'price_changed':
      return { kind: 'price_changed', total: details.total as Money };
    case 'insufficient_stock':
    case 'item_unavailable':
    case 'cart_empty':
      return { kind: 'out_of_stock' };
    case 'shipping_unavailable':
      return { kind: 'no_shipping' };
    default:
      return { kind: 'error', message: error.status === 400 ? error.message : null };
  }
}
