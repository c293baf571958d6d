/**
 * Promotions as stored: name, codes (or automatic), when they run, whether they are active now,
 * and how much they have been used.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../api/client.js';
import type { StoredPromotion } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { formatDate, formatMoney, formatNumber, useNow } from '../format.js';
import { useLanguage } from '../i18n/index.js';
import { useResource } from '../use-resource.js';

type State = 'live' | 'scheduled' | 'ended' | 'draft' | 'archived';

const instant = (value: string | number | undefined) =>
  value === undefined ? undefined : new Date(value).getTime();

/** Active means the status says so and now is inside its schedule. */
function stateOf(promotion: StoredPromotion, now: number): State {
  if (promotion.status !== 'active') return promotion.status;
  const startsAt = instant(promotion.document.startsAt);
  const endsAt = instant(promotion.document.endsAt);
  if (startsAt !== undefined && now < startsAt) return 'scheduled';
  if (endsAt !== undefined && now >= endsAt) return 'ended';
  return 'live';
}

export function PromotionsPage() {
  const { t, language } = useLanguage();
  // Usage is counted in the store's currency, which the policy summary names.
  const promotions = useResource(
    useCallback(async () => {
      const [{ items }, { currency }] = await Promise.all([api.promotions(), api.policies()]);
      return { items, currency };
    }, []),
  );
  const [activeOnly, setActiveOnly] = useState(false);
  const now = useNow(60_000);
  const filterId = useId();

  useEffect(() => {
    document.title = `${t('promotions.title')} · Aisle`;
  }, [t]);

  if (promotions.error) return <ErrorNotice error={promotions.error} onRetry={promotions.reload} />;
  if (promotions.data === undefined) return <Loading />;
  const { currency } = promotions.data;
  const rows = promotions.data.items
    .map((promotion) => ({ promotion, state: stateOf(promotion, now) }))
    .filter((row) => !activeOnly || row.state === 'live');

  const schedule = (promotion: StoredPromotion) => {
    const { startsAt, endsAt } = promotion.document;
    const parts = [
      startsAt !== undefined ? t('promotions.from', { date: formatDate(startsAt, language) }) : null,
      endsAt !== undefined ? t('promotions.until', { date: formatDate(endsAt, language) }) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' ') : t('promotions.always');
  };

  return (
    <div className="page">
      <h1>{t('promotions.title')}</h1>
      <div className="toolbar">
        <fieldset className="segmented" aria-describedby={filterId}>
          <legend className="visually-hidden" id={filterId}>
            {t('promotions.show')}
          </legend>
          <button type="button" aria-pressed={!activeOnly} onClick={() => setActiveOnly(false)}>
            {t('promotions.all')}
          </button>
          <button type="button" aria-pressed={activeOnly} onClick={() => setActiveOnly(true)}>
            {t('promotions.activeOnly')}
          </button>
        </fieldset>
      </div>
      <section className="panel">
        {rows.length === 0 ? (
          <p className="empty">{t('promotions.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('promotions.name')}</th>
                  <th scope="col">{t('promotions.codes')}</th>
                  <th scope="col">{t('promotions.schedule')}</th>
                  <th scope="col">{t('promotions.status')}</th>
                  <th scope="col" className="number">
                    {t('promotions.uses')}
                  </th>
                  <th scope="col" className="number">
                    {t('promotions.spent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ promotion, state }) => (
                  <tr key={promotion.id}>
                    <td>
                      <span className="product-title">{promotion.name}</span>
                      {promotion.document.description && (
                        <span className="muted small">{promotion.document.description}</span>
                      )}
                      <span className="muted small">
                        {promotion.id} · {t('promotions.version', { version: promotion.version })}
                      </span>
                    </td>
                    <td>
                      {promotion.document.codes?.length ? (
                        promotion.document.codes.map((code) => (
                          <code key={code} className="code">
                            {code}
                          </code>
                        ))
                      ) : (
                        <span className="muted">{t('promotions.automatic')}</span>
                      )}
                    </td>
                    <td>{schedule(promotion)}</td>
                    <td>
                      <span className={`badge badge-promo-${state}`}>{t(`promotions.${state}`)}</span>
                    </td>
                    <td className="number">{formatNumber(promotion.usage.uses, language)}</td>
                    <td className="number">
                      {formatMoney({ amount: promotion.usage.spent, currency }, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
