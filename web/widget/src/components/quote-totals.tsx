import type { Quote } from '../api/types.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';

/** Subtotal, discounts, shipping, tax and total, exactly as the cart's quote states them. */
export function QuoteTotals({ quote, shippingKnown }: { quote: Quote; shippingKnown: boolean }) {
  const { t, locale } = useStrings();
  const money = (value: Quote['total']) => formatMoney(value, locale);
  const taxName = quote.tax.name?.[locale] ?? quote.tax.name?.en ?? t.tax;
  const shipping = !shippingKnown
    ? t.shippingAtCheckout
    : quote.shipping.total.amount === 0
      ? t.free
      : money(quote.shipping.total);
  return (
    <dl className="aisle-totals">
      <div>
        <dt>{t.subtotal}</dt>
        <dd>{money(quote.subtotal)}</dd>
      </div>
      {quote.discount.amount > 0 && (
        <div className="aisle-totals-discount">
          <dt>{t.discount}</dt>
          <dd>−{money(quote.discount)}</dd>
        </div>
      )}
      <div>
        <dt>{t.shipping}</dt>
        <dd>{shipping}</dd>
      </div>
      {quote.tax.amount.amount > 0 && (
        <div className="aisle-totals-tax">
          <dt>{quote.tax.inclusive ? t.taxIncluded(taxName) : taxName}</dt>
          <dd>{money(quote.tax.amount)}</dd>
        </div>
      )}
      <div className="aisle-totals-total">
        <dt>{t.total}</dt>
        <dd>{money(quote.total)}</dd>
      </div>
    </dl>
  );
}
