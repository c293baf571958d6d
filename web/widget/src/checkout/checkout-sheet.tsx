import { useEffect, useRef } from 'react';
import { focusOnMount } from '../components/focus-on-mount.js';
import { CheckIcon, CloseIcon, LockIcon } from '../components/icons.js';
import { useWidget } from '../components/widget-context.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';
import { ChallengeFrame } from './challenge-frame.js';
import { DeliveryStep } from './delivery-step.js';
import { DetailsStep } from './details-step.js';
import { PaymentStep } from './payment-step.js';
import { type CheckoutController, type CheckoutStep, useCheckout } from './use-checkout.js';

const STEPS: readonly CheckoutStep[] = ['details', 'delivery', 'payment'];

/** Checkout over the chat: the conversation stays underneath and continues after the order. */
export function CheckoutSheet({ onClose, onReviewCart }: { onClose: () => void; onReviewCart: () => void }) {
  const { t } = useStrings();
  const { carts, conversation } = useWidget();
  const cart = conversation.shopper?.cart ?? null;
  const controller = useCheckout(carts, cart);
  const { step, order } = controller;
  const { addLocal, setCart } = conversation;
  const announcedOrderId = useRef<string | null>(null);

  // The order joins the conversation once (not again when the language changes); the paid cart is
  // gone from the header.
  useEffect(() => {
    if (order === null || announcedOrderId.current === order.id) return;
    announcedOrderId.current = order.id;
    addLocal(t.orderPlaced, [{ type: 'order', orderId: order.id, number: order.number, status: 'pending' }]);
    setCart(null);
  }, [order, addLocal, setCart, t]);

  const verified = conversation.shopper?.shopper?.verified === true;
  const payWithSaved = verified
    ? () => {
        onClose();
        void conversation.send(t.payWithSavedMessage);
      }
    : null;

  return (
    <div className="aisle-sheet" role="dialog" aria-modal="true" aria-labelledby="aisle-checkout-title">
      <header className="aisle-sheet-header">
        {/* Keyed by step: each step mounts its heading afresh and starts with focus on it, so a
            screen reader announces where the shopper is. */}
        <h2
          key={step}
          id="aisle-checkout-title"
          className="aisle-sheet-title"
          tabIndex={-1}
          ref={focusOnMount}
        >
          <LockIcon />
          {t.checkoutTitle}
        </h2>
        <button type="button" className="aisle-icon-button" aria-label={t.closeCheckout} onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      {STEPS.includes(step) && <Stepper step={step} />}
      <div className="aisle-sheet-body">
        {step !== 'payment' && <Problem controller={controller} onReviewCart={onReviewCart} />}
        {step === 'loading' && <p className="aisle-muted">{t.connecting}</p>}
        {step === 'details' && <DetailsStep controller={controller} />}
        {step === 'delivery' && <DeliveryStep controller={controller} />}
        {step === 'payment' && (
          <PaymentStep
            controller={controller}
            onSavedMethod={payWithSaved}
            problem={<Problem controller={controller} onReviewCart={onReviewCart} />}
          />
        )}
        {step === 'challenge' && <Challenge controller={controller} />}
        {step === 'done' && <Done controller={controller} onClose={onClose} />}
      </div>
    </div>
  );
}

function Stepper({ step }: { step: CheckoutStep }) {
  const { t } = useStrings();
  const labels: Record<string, string> = {
    details: t.stepAddress,
    delivery: t.stepShipping,
    payment: t.stepPayment,
  };
  const at = STEPS.indexOf(step);
  return (
    <ol className="aisle-stepper">
      {STEPS.map((name, index) => (
        <li
          key={name}
          className={index < at ? 'aisle-step-done' : index === at ? 'aisle-step-current' : ''}
          aria-current={index === at ? 'step' : undefined}
        >
          <span className="aisle-step-number" aria-hidden="true">
            {index < at ? <CheckIcon /> : index + 1}
          </span>
          {labels[name]}
        </li>
      ))}
    </ol>
  );
}

/** What went wrong, in plain words, with the way forward next to it. */
function Problem({ controller, onReviewCart }: { controller: CheckoutController; onReviewCart: () => void }) {
  const { t, locale } = useStrings();
  const { problem } = controller;
  if (problem === null) return null;
  let text: string;
  let action: { label: string; run: () => void } | null = null;
  switch (problem.kind) {
    case 'declined':
      text = t.declined[problem.reason] ?? t.declined.other ?? '';
      break;
    case 'hold_expired':
      text = t.holdExpired;
      action = { label: t.holdAgain, run: () => void controller.holdAgain() };
      break;
    case 'price_changed': {
      const total = formatMoney(problem.total, locale);
      text = t.priceChanged(total);
      action = {
        label: t.acceptNewTotal(total),
        run: () => {
          const token = controller.lastToken();
          if (token !== null) void controller.pay(token, problem.total.amount);
        },
      };
      break;
    }
    case 'out_of_stock':
      text = t.outOfStockAtCheckout;
      action = { label: t.reviewCart, run: onReviewCart };
      break;
    case 'no_shipping':
      text = t.noShippingOptions;
      break;
    case 'error':
      text = problem.message ?? t.genericError;
      break;
  }
  return (
    <div className="aisle-problem" role="alert">
      <p>{text}</p>
      {action !== null && (
        <button type="button" className="aisle-secondary" onClick={action.run} disabled={controller.working}>
          {action.label}
        </button>
      )}
    </div>
  );
}

function Challenge({ controller }: { controller: CheckoutController }) {
  const { t } = useStrings();
  return (
    <div className="aisle-challenge">
      <p>{t.challengeHelp}</p>
      {controller.challengeUrl !== null && <ChallengeFrame url={controller.challengeUrl} />}
      <p className="aisle-muted" role="status">
        {t.challengeWaiting}
      </p>
      <button
        type="button"
        className="aisle-secondary aisle-wide"
        onClick={() => void controller.checkNow()}
        disabled={controller.working}
      >
        {t.challengeDone}
      </button>
    </div>
  );
}

function Done({ controller, onClose }: { controller: CheckoutController; onClose: () => void }) {
  const { t, locale } = useStrings();
  const { order } = controller;
  if (order === null) return null;
  return (
    <div className="aisle-done" role="status">
      <span className="aisle-done-icon" aria-hidden="true">
        <CheckIcon />
      </span>
      <p className="aisle-done-title">{t.orderPlaced}</p>
      <p>
        <span className="aisle-muted">{t.orderNumber}</span>
        <br />
        <strong className="aisle-order-number aisle-order-number-large">{order.number}</strong>
      </p>
      <p>
        {t.total} <strong>{formatMoney(order.total, locale)}</strong>
      </p>
      {order.email !== null && <p className="aisle-muted">{t.orderEmailNote(order.email)}</p>}
      <button type="button" className="aisle-primary aisle-wide" onClick={onClose}>
        {t.continueShopping}
      </button>
    </div>
  );
}
