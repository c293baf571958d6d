import type { Card } from '../api/types.js';
import { LockIcon } from '../components/icons.js';
import { useWidget } from '../components/widget-context.js';
import { formatTime } from '../format/dates.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';

type CheckoutCardData = Extract<Card, { type: 'checkout' }>;

/** The assistant's "ready to pay": the form itself opens over the chat. */
export function CheckoutCard({ card }: { card: CheckoutCardData }) {
  const { t, locale } = useStrings();
  const { openCheckout, conversation } = useWidget();
  const paid = conversation.shopper?.cart?.cartId !== card.cartId;
  return (
    <div className="aisle-card aisle-checkout-card">
      <div className="aisle-card-text">
        <strong>{t.checkoutCardTitle}</strong>
        <span>
          {t.total} {formatMoney(card.total, locale)}
        </span>
        {card.expiresAt !== null && (
          <span className="aisle-muted">{t.checkoutCardHold(formatTime(card.expiresAt, locale))}</span>
        )}
      </div>
      <button type="button" className="aisle-primary" onClick={openCheckout} disabled={paid}>
        <LockIcon />
        {t.checkoutCardButton}
      </button>
    </div>
  );
}
