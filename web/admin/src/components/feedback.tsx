/** Loading, error and empty states, said the same way on every page. */
import { useLanguage } from '../i18n/index.js';

export function Loading() {
  const { t } = useLanguage();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useLanguage();
  return (
    <div className="notice notice-error" role="alert">
      <span>{t('app.error', { message: error.message })}</span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
