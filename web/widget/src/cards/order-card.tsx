import { CheckIcon } from '../components/icons.js';
import { useWidget } from '../components/widget-context.js';
import { useStrings } from '../i18n/index.js';

const STEPS = ['pending', 'processed', 'shipped', 'delivered'];

export function OrderCard({ number, status }: { number: string; status: string }) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  const reached = STEPS.indexOf(status);
  return (
    <div className="aisle-card aisle-order-card">
      <div className="aisle-order-head">
        <span className="aisle-order-icon" aria-hidden="true">
          <CheckIcon />
        </span>
        <div className="aisle-card-text">
          <span className="aisle-muted">{t.orderNumber}</span>
          <strong className="aisle-order-number">{number}</strong>
        </div>
        <span className={`aisle-status aisle-status-${status}`}>
          <span className="aisle-visually-hidden">{t.orderStatusLabel}: </span>
          {t.orderStatus[status] ?? status}
        </span>
      </div>
      {reached >= 0 && (
        <ol className="aisle-progress" aria-hidden="true">
          {STEPS.map((step, index) => (
            <li key={step} className={index <= reached ? 'aisle-progress-done' : ''}>
              {t.orderStatus[step]}
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="aisle-link-button"
        disabled={conversation.busy}
        onClick={() => void conversation.send(t.trackOrderMessage(number))}
      >
        {t.trackOrder}
      </button>
    </div>
  );
}
