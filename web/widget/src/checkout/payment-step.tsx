import { type FormEvent, type ReactNode, useState } from 'react';
import { LockIcon } from '../components/icons.js';
import { QuoteTotals } from '../components/quote-totals.js';
import { useWidget } from '../components/widget-context.js';
import { formatTime } from '../format/dates.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';
import {
  cvcValid,
  digitsOf,
  EXAMPLE_CARDS,
  expiryValid,
  groupCardNumber,
  luhnValid,
  testCardFor,
} from './test-cards.js';
import type { CheckoutController } from './use-checkout.js';

type CardField = 'number' | 'expiry' | 'cvc';

/** The order summary and a test-mode card field that turns a test card into the sandbox's token. */
export function PaymentStep({
  controller,
  onSavedMethod,
  problem,
}: {
  controller: CheckoutController;
  onSavedMethod: (() => void) | null;
  /** Shown beside the pay button, where the shopper's eyes are when a payment fails. */
  problem: ReactNode;
}) {
  const { t, locale } = useStrings();
  const { conversation } = useWidget();
  const [number, setNumber] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [errors, setErrors] = useState<Partial<Record<CardField, string>>>({});
  const view = controller.view;
  if (view === null) return null;
  const { cart, quote } = view;
  const address = cart.shippingAddress;
  const total = formatMoney(quote.total, locale);

  const fillExample = (example: string) => {
    setNumber(groupCardNumber(example));
    if (expiry === '') setExpiry(`12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`);
    if (cvc === '') setCvc('123');
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const card = testCardFor(number);
    const found: Partial<Record<CardField, string>> = {};
    if (card === null) found.number = luhnValid(digitsOf(number)) ? t.unknownTestCard : t.invalidCardNumber;
    if (!expiryValid(expiry, new Date())) found.expiry = t.invalidExpiry;
    if (!cvcValid(cvc, card)) found.cvc = t.invalidCvc;
    setErrors(found);
    if (card === null || Object.keys(found).length > 0) return;
    void controller.pay(card.token);
  };

  const error = (field: CardField) =>
    errors[field] === undefined ? null : (
      <span id={`aisle-card-${field}-error`} className="aisle-field-error">
        {errors[field]}
      </span>
    );

  return (
    <div className="aisle-payment">
      <section className="aisle-summary" aria-labelledby="aisle-summary-title">
        <h3 id="aisle-summary-title" className="aisle-section-title">
          {t.orderSummary}
        </h3>
        <ul className="aisle-summary-lines">
          {quote.lines.map((line) => (
            <li key={line.lineId}>
              <span>
                {line.quantity} × {line.title[locale] ?? line.title.en}
                {line.optionValues.length > 0 && (
                  <span className="aisle-muted"> · {line.optionValues.join(' / ')}</span>
                )}
              </span>
              <span>{formatMoney(line.total, locale)}</span>
            </li>
          ))}
        </ul>
        <QuoteTotals quote={quote} shippingKnown={quote.shipping.option !== null} />
        {address !== null && (
          <p className="aisle-ship-to">
            <span className="aisle-muted">{t.shipTo}</span> {address.name}, {address.line1}, {address.city}{' '}
            {address.postalCode}
            {' · '}
            <button type="button" className="aisle-link-button" onClick={() => controller.setStep('details')}>
              {t.edit}
            </button>
          </p>
        )}
        {controller.checkout !== null && (
          <p className="aisle-muted">{t.holdsUntil(formatTime(controller.checkout.expiresAt, locale))}</p>
        )}
      </section>
      {onSavedMethod !== null && (
        <button
          type="button"
          className="aisle-secondary aisle-wide"
          onClick={onSavedMethod}
          disabled={conversation.busy}
        >
          {t.payWithSaved}
        </button>
      )}
      <form className="aisle-form aisle-card-form" onSubmit={submit} noValidate>
        <p className="aisle-test-mode">{t.payTestMode}</p>
        <fieldset className="aisle-test-cards">
          <legend className="aisle-visually-hidden">{t.testCardsLabel}</legend>
          <button type="button" className="aisle-chip" onClick={() => fillExample(EXAMPLE_CARDS.approved)}>
            4242 · {t.testCardVisa}
          </button>
          <button type="button" className="aisle-chip" onClick={() => fillExample(EXAMPLE_CARDS.declined)}>
            0002 · {t.testCardDeclined}
          </button>
          <button
            type="button"
            className="aisle-chip"
            onClick={() => fillExample(EXAMPLE_CARDS.threeDSecure)}
          >
            3184 · {t.testCardThreeDs}
          </button>
        </fieldset>
        <div className="aisle-field">
          <label htmlFor="aisle-card-number">{t.cardNumber}</label>
          <input
            id="aisle-card-number"
            name="cardnumber"
            inputMode="numeric"
            autoComplete="cc-number"
            placeholder="4242 4242 4242 4242"
            value={number}
            onChange={(event) => setNumber(groupCardNumber(event.target.value))}
            aria-invalid={errors.number !== undefined}
            aria-describedby={errors.number === undefined ? undefined : 'aisle-card-number-error'}
          />
          {error('number')}
        </div>
        <div className="aisle-field-pair">
          <div className="aisle-field">
            <label htmlFor="aisle-card-expiry">{t.cardExpiry}</label>
            <input
              id="aisle-card-expiry"
              name="exp-date"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder="MM/YY"
              value={expiry}
              onChange={(event) => setExpiry(formatExpiry(event.target.value))}
              aria-invalid={errors.expiry !== undefined}
              aria-describedby={errors.expiry === undefined ? undefined : 'aisle-card-expiry-error'}
            />
            {error('expiry')}
          </div>
          <div className="aisle-field">
            <label htmlFor="aisle-card-cvc">{t.cardCvc}</label>
            <input
              id="aisle-card-cvc"
              name="cvc"
              inputMode="numeric"
              autoComplete="cc-csc"
              placeholder="123"
              maxLength={4}
              value={cvc}
              onChange={(event) => setCvc(digitsOf(event.target.value))}
              aria-invalid={errors.cvc !== undefined}
              aria-describedby={errors.cvc === undefined ? undefined : 'aisle-card-cvc-error'}
            />
            {error('cvc')}
          </div>
        </div>
        {problem}
        <button type="submit" className="aisle-primary aisle-wide aisle-pay" disabled={controller.working}>
          <LockIcon />
          {controller.working ? t.paying : t.pay(total)}
        </button>
      </form>
    </div>
  );
}

/** Typing "1228" shows "12/28". */
function formatExpiry(input: string): string {
  const digits = digitsOf(input).slice(0, 4);
  return digits.length <= 2 ? digits : `${digits.slice(0, 2)}/${digits.slice(2)}`;
}
