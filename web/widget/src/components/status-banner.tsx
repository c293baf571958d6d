import { useStrings } from '../i18n/index.js';
import { useWidget } from './widget-context.js';

/** Who is answering, when it is not the assistant; and the connection when it is down. */
export function StatusBanner() {
  const { t } = useStrings();
  const { conversation } = useWidget();
  if (conversation.phase === 'failed') {
    return (
      <div className="aisle-banner aisle-banner-error" role="alert">
        <span>{t.connectionFailed}</span>
        <button type="button" className="aisle-link-button" onClick={conversation.reconnect}>
          {t.retry}
        </button>
      </div>
    );
  }
  const text =
    conversation.status === 'waiting'
      ? t.waitingForStaff
      : conversation.status === 'staff'
        ? t.withStaff
        : conversation.status === 'closed'
          ? t.closedConversation
          : null;
  if (text === null) return null;
  return (
    <div className={`aisle-banner aisle-banner-${conversation.status}`} role="status">
      <span>{text}</span>
      {conversation.status === 'closed' && (
        <button type="button" className="aisle-link-button" onClick={conversation.restart}>
          {t.newConversation}
        </button>
      )}
    </div>
  );
}
