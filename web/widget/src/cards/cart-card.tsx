import type { Money } from '../api/types.js';
import { CartIcon } from '../components/icons.js';
import { useWidget } from '../components/widget-context.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';

export function CartCard({ itemCount, total }: { itemCount: number; total: Money }) {
  const { t, locale } = useStrings();
  const { openCart } = useWidget();
  return (
    <div className="aisle-card aisle-cart-card">
      <CartIcon />
      <div className="aisle-card-text">
        <strong>{t.openCart(itemCount)}</strong>
        <span>
          {t.total} {formatMoney(total, locale)}
        </span>
      </div>
      <button type="button" className="aisle-secondary" onClick={openCart}>
        {t.cart}
      </button>
    </div>
  );
}
