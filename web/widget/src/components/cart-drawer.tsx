import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { CartView } from '../api/types.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';
import { focusOnMount } from './focus-on-mount.js';
import { CloseIcon, LockIcon } from './icons.js';
import { QuoteTotals } from './quote-totals.js';
import { useWidget } from './widget-context.js';

/** The cart as the rules price it: lines with their discounts, coupons, shipping, tax and total. */
export function CartDrawer({ onClose, onCheckout }: { onClose: () => void; onCheckout: () => void }) {
  const { t, locale } = useStrings();
  const { carts, conversation, resolveUrl } = useWidget();
  const access = conversation.shopper?.cart ?? null;
  const [view, setView] = useState<CartView | null>(null);
  const [failed, setFailed] = useState(false);
  const [working, setWorking] = useState(false);
  const [code, setCode] = useState('');
  const { setCart } = conversation;

  const show = useCallback(
    (next: CartView) => {
      setView(next);
      if (access === null) return;
      setCart({
        ...access,
        itemCount: next.quote.lines.reduce((sum, line) => sum + line.quantity, 0),
        total: next.quote.total,
      });
    },
    [access, setCart],
  );

  // Loaded per cart, not per access object: the summary this drawer refreshes through setCart is a
  // new object with the same cart.
  const cartId = access?.cartId ?? null;
  const token = access?.token ?? null;
  useEffect(() => {
    if (cartId === null || token === null) return;
    carts.get({ cartId, token }).then(setView, () => setFailed(true));
  }, [carts, cartId, token]);

  const change = async (work: () => Promise<CartView>) => {
    setWorking(true);
    try {
      show(await work());
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setWorking(false);
    }
  };

  const applyCoupon = (event: FormEvent) => {
    event.preventDefault();
    const entered = code.trim().toUpperCase();
    if (access === null || entered === '') return;
    void change(() => carts.applyCoupon(access, entered)).then(() => setCode(''));
  };

  // A cart already paid for (the session may still point at it) is nothing left to buy.
  const quote =
    view !== null && view.cart.status === 'open'
      ? view.quote
      : view === null
        ? null
        : { ...view.quote, lines: [] };
  const couponNotices = quote?.messages.filter((m) => m.code === 'coupon_rejected') ?? [];
  const otherNotices =
    quote?.messages.filter((m) => m.code !== 'coupon_rejected' && m.code !== 'shipping_option_unavailable') ??
    [];

  return (
    <div
      className="aisle-sheet aisle-drawer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="aisle-cart-title"
    >
      <header className="aisle-sheet-header">
        <h2 id="aisle-cart-title" className="aisle-sheet-title" tabIndex={-1} ref={focusOnMount}>
          {t.cart}
        </h2>
        <button type="button" className="aisle-icon-button" aria-label={t.closeCart} onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <div className="aisle-sheet-body" aria-busy={working}>
        {failed && (
          <p className="aisle-problem" role="alert">
            {t.cartLoadFailed}
          </p>
        )}
        {access === null || (quote !== null && quote.lines.length === 0) ? (
          <p className="aisle-empty">{t.cartEmpty}</p>
        ) : quote === null ? (
          <p className="aisle-muted">{t.connecting}</p>
        ) : (
          <>
            <ul className="aisle-cart-lines">
              {quote.lines.map((line) => {
                const title = line.title[locale] ?? line.title.en ?? '';
                return (
                  <li key={line.lineId} className="aisle-cart-line">
                    {line.imageUrl !== null && <img src={resolveUrl(line.imageUrl)} alt="" />}
                    <div className="aisle-cart-line-main">
                      <p className="aisle-cart-line-title">{title}</p>
                      {line.optionValues.length > 0 && (
                        <p className="aisle-muted">{line.optionValues.join(' / ')}</p>
                      )}
                      {!line.available && <p className="aisle-field-error">{t.unavailableItem}</p>}
                      {line.discounts.map((discount) => (
                        <p key={discount.promotionId} className="aisle-line-discount">
                          {discount.name} −{formatMoney(discount.amount, locale)}
                        </p>
                      ))}
                      <fieldset className="aisle-stepper-input">
                        <legend className="aisle-visually-hidden">{`${t.quantity}: ${title}`}</legend>
                        <button
                          type="button"
                          aria-label={line.quantity === 1 ? t.remove(title) : t.decrease(title)}
                          disabled={working}
                          onClick={() =>
                            void change(() => carts.setQuantity(access, line.lineId, line.quantity - 1))
                          }
                        >
                          −
                        </button>
                        <output aria-live="polite">{line.quantity}</output>
                        <button
                          type="button"
                          aria-label={t.increase(title)}
                          disabled={working}
                          onClick={() =>
                            void change(() => carts.setQuantity(access, line.lineId, line.quantity + 1))
                          }
                        >
                          +
                        </button>
                      </fieldset>
                    </div>
                    <div className="aisle-cart-line-price">
                      {line.total.amount !== line.subtotal.amount && (
                        <s>{formatMoney(line.subtotal, locale)}</s>
                      )}
                      <strong>{formatMoney(line.total, locale)}</strong>
                    </div>
                  </li>
                );
              })}
            </ul>
            {otherNotices.map((notice) => (
              <p key={`${notice.code}-${notice.lineId ?? ''}`} className="aisle-notice">
                {notice.message[locale] ?? notice.message.en}
              </p>
            ))}
            <form className="aisle-coupon" onSubmit={applyCoupon}>
              <label htmlFor="aisle-coupon">{t.couponLabel}</label>
              <div className="aisle-coupon-row">
                <input
                  id="aisle-coupon"
                  value={code}
                  placeholder={t.couponPlaceholder}
                  autoCapitalize="characters"
                  onChange={(event) => setCode(event.target.value)}
                />
                <button type="submit" className="aisle-secondary" disabled={working || code.trim() === ''}>
                  {t.apply}
                </button>
              </div>
              <ul className="aisle-coupon-list" aria-live="polite">
                {quote.coupons.map((coupon) => {
                  const notice = couponNotices.find((m) => m.coupon?.toUpperCase() === coupon.code);
                  return (
                    <li
                      key={coupon.code}
                      className={coupon.applied ? 'aisle-coupon-ok' : 'aisle-coupon-refused'}
                    >
                      <span>
                        {coupon.applied
                          ? t.couponApplied(coupon.code)
                          : (notice?.message[locale] ?? notice?.message.en ?? coupon.code)}
                      </span>
                      <button
                        type="button"
                        className="aisle-link-button"
                        aria-label={t.removeCoupon(coupon.code)}
                        disabled={working}
                        onClick={() => void change(() => carts.removeCoupon(access, coupon.code))}
                      >
                        <CloseIcon />
                      </button>
                    </li>
                  );
                })}
              </ul>
            </form>
            <QuoteTotals quote={quote} shippingKnown={quote.shipping.option !== null} />
            <button
              type="button"
              className="aisle-primary aisle-wide"
              onClick={onCheckout}
              disabled={working}
            >
              <LockIcon />
              {t.checkout}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
