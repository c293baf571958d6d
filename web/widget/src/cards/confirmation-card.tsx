import { useWidget } from '../components/widget-context.js';
import { useStrings } from '../i18n/index.js';

/**
 * A consequential action waiting for the shopper's explicit yes (pay with a saved card, cancel,
 * return, exchange): the reply above it states the amounts the engine previewed. Only the latest
 * message's question is open; an older one was answered, or passed by.
 */
export function ConfirmationCard({ summary, open }: { summary: string; open: boolean }) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  return (
    <div className="aisle-card">
      <fieldset className="aisle-confirm-card">
        <legend className="aisle-confirm-legend">{open ? t.confirmQuestion : t.confirmAnswered}</legend>
        <p className="aisle-confirm-summary">{summary}</p>
        <div className="aisle-confirm-actions">
          <button
            type="button"
            className="aisle-primary"
            disabled={!open || conversation.busy}
            onClick={() => void conversation.send(t.confirmYesMessage)}
          >
            {t.confirmYes}
          </button>
          <button
            type="button"
            className="aisle-secondary"
            disabled={!open || conversation.busy}
            onClick={() => void conversation.send(t.confirmNoMessage)}
          >
            {t.confirmNo}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
