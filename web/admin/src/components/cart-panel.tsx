/** The shopper's cart as the cart service prices it: lines with their discounts, then the totals. */
import type { ShopperCart } from '../api/types.js';
import { formatMoney, localized } from '../format.js';
import { useLanguage } from '../i18n/index.js';

export function CartPanel({ cart }: { cart: ShopperCart | null }) {
  const { t, language } = useLanguage();
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, language);
  return (
    <section className="panel side-panel" aria-labelledby="cart-heading">
      <h2 id="cart-heading">{t('cart.title')}</h2>
      {cart === null ? (
        <p className="muted">{t('cart.none')}</p>
      ) : cart.quote.lines.length === 0 ? (
        <p className="muted">{t('cart.empty')}</p>
      ) : (
        <>
          <ul className="cart-lines">
            {cart.quote.lines.map((line) => (
              <li key={line.lineId} className="cart-line">
                <div className="cart-line-main">
                  <span className="cart-title">{localized(line.title, language)}</span>
                  <span className="muted small">
                    {[line.optionValues.join(' / '), line.sku, t('cart.quantity', { count: line.quantity })]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {line.discounts.map((discount) => (
                    <span key={discount.name} className="discount small">
                      {discount.name} −{money(discount.amount)}
                    </span>
                  ))}
                  {!line.available && <span className="chip chip-warn">{t('cart.unavailable')}</span>}
                </div>
                <span className="cart-amount">{money(line.total)}</span>
              </li>
            ))}
          </ul>
          <dl className="totals">
            <dt>{t('cart.subtotal')}</dt>
            <dd>{money(cart.quote.subtotal)}</dd>
            {cart.quote.discount.amount > 0 && (
              <>
                <dt>{t('cart.discount')}</dt>
                <dd className="discount">−{money(cart.quote.discount)}</dd>
              </>
            )}
            <dt>{t('cart.shipping')}</dt>
            <dd>{money(cart.quote.shipping.total)}</dd>
            <dt>{cart.quote.tax.inclusive ? t('cart.taxIncluded') : t('cart.tax')}</dt>
            <dd>{money(cart.quote.tax.amount)}</dd>
            <dt className="total">{t('cart.total')}</dt>
            <dd className="total">{money(cart.quote.total)}</dd>
          </dl>
          {cart.cart.coupons.length > 0 && (
            <p className="small">
              {t('cart.coupons')}: <code>{cart.cart.coupons.join(', ')}</code>
            </p>
          )}
        </>
      )}
    </section>
  );
}
