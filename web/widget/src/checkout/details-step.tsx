import { type FormEvent, useRef, useState } from 'react';
import { useStrings } from '../i18n/index.js';
import {
  type AddressErrors,
  type AddressField,
  type AddressInput,
  COUNTRIES,
  countryRule,
  fromPostalAddress,
  validateAddress,
} from './address-rules.js';
import type { CheckoutController } from './use-checkout.js';

const DEFAULT_COUNTRY = 'TW';

/** Email (when the cart has none) and the shipping address, checked before they are sent. */
export function DetailsStep({ controller }: { controller: CheckoutController }) {
  const { t, locale } = useStrings();
  const cart = controller.view?.cart ?? null;
  const needsEmail = cart?.email === null || cart === null;
  const [input, setInput] = useState<AddressInput>(() =>
    fromPostalAddress(cart?.shippingAddress ?? null, cart?.email ?? null, DEFAULT_COUNTRY),
  );
  const [errors, setErrors] = useState<AddressErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (field: AddressField, value: string) => {
    const next = { ...input, [field]: value };
    setInput(next);
    if (submitted) setErrors(validateAddress(next, needsEmail));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validateAddress(input, needsEmail);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first !== undefined) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    void controller.saveDetails(input, needsEmail);
  };

  const rule = countryRule(input.country);
  const message = (field: AddressField): string | null => {
    const problem = errors[field];
    if (problem === undefined) return null;
    if (problem === 'email') return t.invalidEmail;
    if (problem === 'postal') return t.invalidPostal(rule?.example ?? '');
    return t.required;
  };

  const field = (name: AddressField, label: string, props: Record<string, string | boolean> = {}) => {
    const error = message(name);
    const id = `aisle-field-${name}`;
    return (
      <div className={`aisle-field aisle-field-${name}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          value={input[name]}
          onChange={(event) => set(name, event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
          {...props}
        />
        {error !== null && (
          <span id={`${id}-error`} className="aisle-field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form ref={form} className="aisle-form" onSubmit={submit} noValidate>
      {needsEmail && (
        <fieldset>
          <legend>{t.contact}</legend>
          {field('email', t.email, {
            type: 'email',
            autoComplete: 'email',
            inputMode: 'email',
            required: true,
          })}
        </fieldset>
      )}
      <fieldset>
        <legend>{t.shippingAddress}</legend>
        {field('name', t.fullName, { autoComplete: 'name', required: true })}
        <div className="aisle-field aisle-field-country">
          <label htmlFor="aisle-field-country">{t.country}</label>
          <select
            id="aisle-field-country"
            name="country"
            value={input.country}
            onChange={(event) => set('country', event.target.value)}
            autoComplete="country"
          >
            {COUNTRIES.map((country) => (
              <option key={country.code} value={country.code}>
                {country.names[locale]}
              </option>
            ))}
          </select>
        </div>
        {field('line1', t.addressLine1, { autoComplete: 'address-line1', required: true })}
        {field('line2', t.addressLine2, { autoComplete: 'address-line2' })}
        <div className="aisle-field-pair">
          {field('city', t.city, { autoComplete: 'address-level2', required: true })}
          {field('postalCode', t.postalCode, { autoComplete: 'postal-code', required: true })}
        </div>
        {field('region', t.region, { autoComplete: 'address-level1' })}
        {field('phone', t.phone, { type: 'tel', autoComplete: 'tel' })}
      </fieldset>
      {submitted && Object.keys(errors).length > 0 && (
        <p className="aisle-form-error" role="alert">
          {t.fixFields}
        </p>
      )}
      <button type="submit" className="aisle-primary aisle-wide" disabled={controller.working}>
        {t.continue}
      </button>
    </form>
  );
}
