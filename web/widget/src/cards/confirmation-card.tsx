import { useWidget } from '../components/widget-context.js';
import { useStrings } from '../i18n/index.js';

/**
 * A consequential action waiting for the shopper's explicit yes (pay with a saved card, cancel,
 * return, exchange): the summary states the amounts the engine previewed.
 */
export function ConfirmationCard({ summary }: { summary: string }) {
  const { t } = useStrings();
  const { conversation } = useWidget();
  return (
    <fieldset className="aisle-card aisle-confirm-card">
      <legend className="aisle-visually-hidden">{t.confirmQuestion}</legend>
      <p className="aisle-confirm-summary">{summary}</p>
      <div className="aisle-confirm-actions">
        <button
          type="button"
          className="aisle-primary"
          disabled={conversation.busy}
          onClick={() => void conversation.send(t.confirmYesMessage)}
        >
          {t.confirmYes}
        </button>
        <button
          type="button"
          className="aisle-secondary"
          disabled={conversation.busy}
          onClick={() => void conversation.send(t.confirmNoMessage)}
        >
          {t.confirmNo}
        </button>
      </div>
    </fieldset>
  );
}
