/**
 * The dashboard: how the router is doing, who is waiting for a person (longest first, with the
 * reason and how long), and every conversation with its status, all live.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { RoutingStats, SessionStatus, SessionSummary } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { ReasonLabel, StatusBadge, shortId } from '../components/status-badge.js';
import { formatAgo, formatDuration, formatNumber, formatPercent, useNow } from '../format.js';
import { useLanguage } from '../i18n/index.js';
import { useLiveQueue, useLiveSessions } from '../live-sessions.js';
import { hrefOf } from '../router.js';
import { useResource } from '../use-resource.js';

const FILTERS: readonly (SessionStatus | undefined)[] = [
  undefined,
  'waiting',
  'staff',
  'assistant',
  'closed',
];

export function ConversationsPage() {
  const { t } = useLanguage();
  const [filter, setFilter] = useState<SessionStatus | undefined>(undefined);
  const queue = useLiveQueue();
  const all = useLiveSessions(undefined);
  const sessions = useLiveSessions(filter);
  const stats = useResource(useCallback(() => api.stats(), []));
  const statsReload = stats.reload;
  // Stats change with every assistant reply; the full list reloading is the cue to refresh them.
  useEffect(() => {
    if (all.data) statsReload();
  }, [all.data, statsReload]);

  useEffect(() => {
    document.title = `${t('dashboard.title')} · Aisle`;
  }, [t]);

  return (
    <div className="page">
      <h1>{t('dashboard.title')}</h1>
      <StatsRow sessions={all.data} stats={stats.data} />
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('queue.title')}</h2>
        {queue.error && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
        {queue.data === undefined ? <Loading /> : <Queue sessions={queue.data} />}
      </section>
      <section className="panel" aria-labelledby="list-heading">
        <div className="panel-head">
          <h2 id="list-heading">{t('list.title')}</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('list.filter')}</legend>
            {FILTERS.map((status) => (
              <button
                key={status ?? 'all'}
                type="button"
                aria-pressed={filter === status}
                onClick={() => setFilter(status)}
              >
                {status === undefined ? t('status.all') : t(`status.${status}`)}
              </button>
            ))}
          </fieldset>
        </div>
        {sessions.error && <ErrorNotice error={sessions.error} onRetry={sessions.reload} />}
        {sessions.data === undefined ? <Loading /> : <SessionTable sessions={sessions.data} />}
      </section>
    </div>
  );
}

function StatsRow({
  sessions,
  stats,
}: {
  sessions: SessionSummary[] | undefined;
  stats: RoutingStats | undefined;
}) {
  const { t, language } = useLanguage();
  const count = (status: SessionStatus) =>
    sessions === undefined ? '–' : formatNumber(sessions.filter((s) => s.status === status).length, language);
  const total = stats ? stats.turns.rules + stats.turns.llm + stats.turns.fallback : 0;
  return (
    <div className="stats">
      <Stat label={t('stats.waiting')} value={count('waiting')} tone="warn" />
      <Stat label={t('stats.withStaff')} value={count('staff')} tone="accent" />
      <Stat label={t('stats.active')} value={count('assistant')} />
      <Stat
        label={t('stats.rulesShare')}
        value={stats ? formatPercent(stats.rulesShare, language) : '–'}
        detail={
          stats
            ? t('stats.rulesShareDetail', {
                rules: formatNumber(stats.turns.rules, language),
                total: formatNumber(total, language),
              })
            : undefined
        }
      />
      <Stat
        label={t('stats.tokensSaved')}
        value={stats ? formatNumber(stats.tokensSaved, language) : '–'}
        detail={
          stats
            ? t('stats.tokensSavedDetail', {
                perTurn: formatNumber(stats.tokensPerLlmTurn.value, language),
                basis: t(stats.tokensPerLlmTurn.basis === 'measured' ? 'stats.measured' : 'stats.estimate'),
              })
            : undefined
        }
      />
    </div>
  );
}

function Stat({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: string | undefined;
  tone?: 'warn' | 'accent';
}) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ''}`}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {detail && <span className="stat-detail">{detail}</span>}
    </div>
  );
}

function Queue({ sessions }: { sessions: SessionSummary[] }) {
  const { t, language } = useLanguage();
  const now = useNow();
  if (sessions.length === 0) return <p className="empty">{t('queue.empty')}</p>;
  return (
    <ol className="queue">
      {sessions.map((session) => (
        <li key={session.id} className="queue-item">
          <div className="queue-main">
            <div className="queue-line">
              {session.handoffReason && <ReasonLabel reason={session.handoffReason} />}
              <span className="waited">
                {t('queue.waiting', {
                  time: formatDuration(now - (session.handoffAt ?? session.lastMessageAt), language),
                })}
              </span>
            </div>
            {session.handoffNote && <p className="queue-note">{session.handoffNote}</p>}
            <p className="muted small">
              #{shortId(session.id)} · {session.locale} ·{' '}
              {session.customerId ? t('list.customer') : t('list.guest')}
            </p>
          </div>
          <a className="button button-primary" href={hrefOf({ page: 'conversation', id: session.id })}>
            {t('queue.open')}
            <span className="visually-hidden"> #{shortId(session.id)}</span>
          </a>
        </li>
      ))}
    </ol>
  );
}

function SessionTable({ sessions }: { sessions: SessionSummary[] }) {
  const { t, language } = useLanguage();
  const now = useNow();
  if (sessions.length === 0) return <p className="empty">{t('list.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('list.conversation')}</th>
            <th scope="col">{t('list.status')}</th>
            <th scope="col">{t('list.shopper')}</th>
            <th scope="col">{t('list.language')}</th>
            <th scope="col" className="number">
              {t('list.messages')}
            </th>
            <th scope="col">{t('list.lastMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                <a href={hrefOf({ page: 'conversation', id: session.id })}>#{shortId(session.id)}</a>
              </td>
              <td>
                <StatusBadge status={session.status} />
                {session.status === 'staff' && session.staffName && (
                  <span className="muted small"> {session.staffName}</span>
                )}
              </td>
              <td>{session.customerId ? t('list.customer') : t('list.guest')}</td>
              <td>{session.locale}</td>
              <td className="number">{formatNumber(session.messageCount, language)}</td>
              <td>{formatAgo(session.lastMessageAt, now, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
