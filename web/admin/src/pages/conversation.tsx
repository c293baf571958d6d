/**
 * One conversation: the live transcript (each assistant reply with how it was made), the
 * shopper's cart, and the controls to take over, write to the shopper, hand back and close.
 */
import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api } from '../api/client.js';
import { useSessionEvents } from '../api/staff-events.js';
import type { Card, SessionSummary, StaffMember, TranscriptMessage } from '../api/types.js';
import { CartPanel } from '../components/cart-panel.js';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { ReasonLabel, StatusBadge, shortId } from '../components/status-badge.js';
import { TracePanel } from '../components/trace-panel.js';
import { formatDateTime, formatMoney } from '../format.js';
import { type MessageKey, useLanguage } from '../i18n/index.js';
import { hrefOf } from '../router.js';
import { useResource } from '../use-resource.js';

const SETTLE_MS = 300;

type Action = 'takeover' | 'handback' | 'close';

export function ConversationPage({ id, member }: { id: string; member: StaffMember }) {
  const { t } = useLanguage();
  const transcript = useResource(useCallback(() => api.transcript(id), [id]));
  // Messages that arrived live since the transcript was loaded.
  const [arrived, setArrived] = useState<TranscriptMessage[]>([]);
  const [session, setSession] = useState<SessionSummary | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [pending, setPending] = useState<Action | null>(null);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (transcript.data) setSession(transcript.data.session);
  }, [transcript.data]);
  useEffect(() => () => clearTimeout(reloadTimer.current), []);

  // The cart and the session's counters change with messages: reload them once things settle.
  const settleThenReload = () => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(transcript.reload, SETTLE_MS);
  };

  useSessionEvents((event) => {
    if (event.sessionId !== id) return;
    if (event.type === 'message') {
      setArrived((previous) => [...previous, event.message]);
    } else {
      setSession((previous) => (previous ? { ...previous, status: event.status } : previous));
    }
    settleThenReload();
  }, transcript.reload);

  const messages = useMemo(() => {
    const byId = new Map<string, TranscriptMessage>();
    for (const message of [...(transcript.data?.messages ?? []), ...arrived]) byId.set(message.id, message);
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }, [transcript.data, arrived]);

  useEffect(() => {
    document.title = `${t('conversation.title', { id: shortId(id) })} · Aisle`;
  }, [id, t]);

  const act = async (action: Action) => {
    if (action === 'close' && !window.confirm(t('conversation.closeConfirm'))) return;
    setPending(action);
    setActionError(null);
    try {
      const call = action === 'takeover' ? api.takeOver : action === 'handback' ? api.handBack : api.close;
      setSession((await call(id)).session);
      settleThenReload();
    } catch (error) {
      setActionError(error as Error);
    } finally {
      setPending(null);
    }
  };

  if (transcript.data === undefined) {
    return transcript.error ? (
      <ErrorNotice error={transcript.error} onRetry={transcript.reload} />
    ) : (
      <Loading />
    );
  }
  const current = session ?? transcript.data.session;
  const mine = current.status === 'staff' && current.staffName === member.name;

  return (
    <div className="page page-conversation">
      <a className="back-link" href={hrefOf({ page: 'conversations' })}>
        ← {t('conversation.back')}
      </a>
      <div className="conversation-head">
        <h1>{t('conversation.title', { id: shortId(id) })}</h1>
        <StatusBadge status={current.status} />
      </div>
      <div className="conversation-grid">
        <section className="panel transcript-panel" aria-labelledby="transcript-heading">
          <h2 id="transcript-heading" className="visually-hidden">
            {t('conversation.transcript')}
          </h2>
          <Transcript messages={messages} />
          <Composer
            id={id}
            session={current}
            mine={mine}
            onSent={(message) => setArrived((m) => [...m, message])}
          />
        </section>
        <div className="side">
          <section className="panel side-panel" aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="visually-hidden">
              {t('conversation.details')}
            </h2>
            <p className="situation">{situationOf(current, mine, t)}</p>
            {actionError && <ErrorNotice error={actionError} />}
            <div className="actions" hidden={current.status === 'closed'}>
              {(current.status === 'waiting' || current.status === 'assistant') && (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={pending !== null}
                  onClick={() => act('takeover')}
                >
                  {t('conversation.takeOver')}
                </button>
              )}
              {current.status === 'staff' && (
                <button
                  type="button"
                  className="button"
                  disabled={pending !== null}
                  onClick={() => act('handback')}
                >
                  {t('conversation.handBack')}
                </button>
              )}
              {current.status !== 'closed' && (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={pending !== null}
                  onClick={() => act('close')}
                >
                  {t('conversation.close')}
                </button>
              )}
            </div>
            <SessionDetails session={current} />
          </section>
          <CartPanel cart={transcript.data.cart} />
        </div>
      </div>
    </div>
  );
}

function situationOf(
  session: SessionSummary,
  mine: boolean,
  t: (key: MessageKey, v?: Record<string, string>) => string,
) {
  if (session.status === 'closed') return t('conversation.closed');
  if (session.status === 'waiting') return t('conversation.waiting');
  if (session.status === 'assistant') return t('conversation.assistantAnswering');
  if (mine) return t('conversation.withYou');
  return t('conversation.withOther', { name: session.staffName ?? '?' });
}

function SessionDetails({ session }: { session: SessionSummary }) {
  const { t, language } = useLanguage();
  return (
    <dl className="details">
      {session.handoffReason && (
        <>
          <dt>{t('conversation.reason')}</dt>
          <dd>
            <ReasonLabel reason={session.handoffReason} />
          </dd>
        </>
      )}
      {session.handoffNote && (
        <>
          <dt>{t('conversation.note')}</dt>
          <dd>{session.handoffNote}</dd>
        </>
      )}
      {session.staffName && (
        <>
          <dt>{t('conversation.staffMember')}</dt>
          <dd>{session.staffName}</dd>
        </>
      )}
      <dt>{t('list.shopper')}</dt>
      <dd>{session.customerId ?? t('list.guest')}</dd>
      <dt>{t('list.language')}</dt>
      <dd>{session.locale}</dd>
      <dt>{t('conversation.channel')}</dt>
      <dd>{session.channel}</dd>
      <dt>{t('conversation.started')}</dt>
      <dd>{formatDateTime(session.createdAt, language)}</dd>
    </dl>
  );
}

function Transcript({ messages }: { messages: TranscriptMessage[] }) {
  const { t } = useLanguage();
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // Follow new messages, as a chat does.
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);
  if (messages.length === 0) return <p className="empty">{t('conversation.empty')}</p>;
  return (
    <div className="transcript" role="log" aria-live="polite" aria-relevant="additions">
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
      <div ref={end} />
    </div>
  );
}

function Message({ message }: { message: TranscriptMessage }) {
  const { t, language } = useLanguage();
  const who =
    message.role === 'staff' && message.author
      ? `${message.author} (${t('role.staff')})`
      : t(`role.${message.role}`);
  return (
    <article className={`message message-${message.role}`} data-role={message.role}>
      <header className="message-head">
        <span className="message-who">{who}</span>
        <time dateTime={new Date(message.createdAt).toISOString()}>
          {formatDateTime(message.createdAt, language)}
        </time>
      </header>
      <p className="message-text">{message.text}</p>
      {message.cards.length > 0 && (
        <ul className="card-chips">
          {message.cards.map((card, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: cards have no ids, and a recorded message's cards never change or reorder.
            <li key={index} className="chip">
              {cardSummary(card, t, language)}
            </li>
          ))}
        </ul>
      )}
      {message.suggestions.length > 0 && (
        <p className="suggestions small">
          <span className="muted">{t('conversation.suggestions')}:</span>{' '}
          {message.suggestions.map((suggestion, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: suggestions have no ids (two may share a label), and a recorded message's never change or reorder.
            <span key={index} className="suggestion">
              {suggestion.label}
            </span>
          ))}
        </p>
      )}
      {message.trace && <TracePanel trace={message.trace} />}
    </article>
  );
}

function cardSummary(
  card: Card,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  language: string,
): string {
  const money = (value: unknown) =>
    value && typeof value === 'object'
      ? formatMoney(value as Parameters<typeof formatMoney>[0], language)
      : '';
  switch (card.type) {
    case 'products':
      return t('cards.products', { count: (card.items as unknown[] | undefined)?.length ?? 0 });
    case 'cart': {
      const count = Number(card.itemCount ?? 0);
      return t(count === 1 ? 'cards.cartOne' : 'cards.cart', { count, total: money(card.total) });
    }
    case 'checkout':
      return t('cards.checkout', { total: money(card.total) });
    case 'payment-challenge':
      return t('cards.payment-challenge');
    case 'confirmation':
      return t('cards.confirmation', { summary: String(card.summary ?? '') });
    case 'order':
      return t('cards.order', { number: String(card.number ?? ''), status: String(card.status ?? '') });
    default:
      return card.type;
  }
}

function Composer({
  id,
  session,
  mine,
  onSent,
}: {
  id: string;
  session: SessionSummary;
  mine: boolean;
  onSent: (message: TranscriptMessage) => void;
}) {
  const { t } = useLanguage();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const ids = { input: useId(), hint: useId() };
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (mine) field.current?.focus();
  }, [mine]);

  if (!mine || session.status === 'closed') return null;

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (body === '' || sending) return;
    setSending(true);
    setError(null);
    try {
      onSent((await api.reply(id, body)).message);
      setText('');
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSending(false);
      field.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="composer" onSubmit={send}>
      {error && <ErrorNotice error={error} />}
      <label htmlFor={ids.input}>{t('conversation.reply')}</label>
      <div className="composer-row">
        <textarea
          id={ids.input}
          ref={field}
          rows={2}
          maxLength={2000}
          value={text}
          aria-describedby={ids.hint}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button button-primary" disabled={sending || text.trim() === ''}>
          {t('conversation.send')}
        </button>
      </div>
      <p className="hint" id={ids.hint}>
        {t('conversation.replyHint')}
      </p>
    </form>
  );
}
