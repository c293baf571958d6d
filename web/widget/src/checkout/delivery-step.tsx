import { type FormEvent, useState } from 'react';
import { formatDayRange } from '../format/dates.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';
import type { CheckoutController } from './use-checkout.js';

/** The shipping options that serve the address, each with its fee and delivery dates. */
export function DeliveryStep({ controller }: { controller: CheckoutController }) {
  const { t, locale } = useStrings();
  const shipping = controller.view?.quote.shipping;
  const options = shipping?.options ?? [];
  const [chosen, setChosen] = useState(shipping?.option?.id ?? options[0]?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen !== '') void controller.chooseDelivery(chosen);
  };

  return (
    <form className="aisle-form" onSubmit={submit}>
      <fieldset className="aisle-radio-list">
        <legend>{t.shippingOptionsLabel}</legend>
        {options.map((option) => (
          <label
            key={option.id}
            className={option.id === chosen ? 'aisle-radio aisle-radio-chosen' : 'aisle-radio'}
          >
            <input
              type="radio"
              name="shipping-option"
              value={option.id}
              checked={option.id === chosen}
              onChange={() => setChosen(option.id)}
            />
            <span className="aisle-radio-text">
              <strong>{option.name[locale] ?? option.name.en}</strong>
              <span className="aisle-muted">
                {t.deliveryEstimate(formatDayRange(option.estimate.earliest, option.estimate.latest, locale))}
              </span>
            </span>
            <span className="aisle-radio-price">
              {option.fee.amount === 0 || option.freeApplied ? t.free : formatMoney(option.fee, locale)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="aisle-form-actions">
        <button type="button" className="aisle-secondary" onClick={() => controller.setStep('details')}>
          {t.back}
        </button>
        <button type="submit" className="aisle-primary" disabled={chosen === '' || controller.working}>
          {t.continue}
        </button>
      </div>
    </form>
  );
}
