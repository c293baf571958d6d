import { useEffect, useRef } from 'react';
import { CardView } from '../cards/card-view.js';
import type { ChatMessage } from '../chat/messages.js';
import { formatTime } from '../format/dates.js';
import { useStrings } from '../i18n/index.js';
import { SparkIcon } from './icons.js';
import { Suggestions } from './suggestions.js';
import { useWidget } from './widget-context.js';

export function MessageList() {
  const { t } = useStrings();
  const { conversation } = useWidget();
  const { messages, busy } = conversation;
  const end = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const streaming = last?.streaming === true;
  const showTyping = busy && !streaming;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, last?.text, showTyping]);

  const lastWithChips = last !== undefined && last.role !== 'shopper' && !busy ? last : null;

  return (
    <div className="aisle-messages">
      <div
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t.messagesLabel}
        className="aisle-log"
      >
        {messages.map((message) => (
          <MessageRow key={message.id} message={message} />
        ))}
      </div>
      {showTyping && (
        <div className="aisle-row aisle-row-assistant">
          <Avatar />
          <div className="aisle-typing" role="status" aria-label={t.typing}>
            <span />
            <span />
            <span />
          </div>
        </div>
      )}
      {lastWithChips !== null && lastWithChips.suggestions.length > 0 && (
        <Suggestions suggestions={lastWithChips.suggestions} />
      )}
      <div ref={end} />
    </div>
  );
}

function Avatar() {
  return (
    <span className="aisle-avatar" aria-hidden="true">
      <SparkIcon />
    </span>
  );
}

function MessageRow({ message }: { message: ChatMessage }) {
  const { t, locale } = useStrings();
  const { conversation } = useWidget();
  const who =
    message.role === 'shopper'
      ? t.you
      : message.role === 'staff'
        ? (message.author ?? t.staff)
        : message.role === 'assistant'
          ? t.assistant
          : null;
  return (
    <div className={`aisle-row aisle-row-${message.role}`}>
      {message.role === 'assistant' && <Avatar />}
      {message.role === 'staff' && (
        <span className="aisle-avatar aisle-avatar-staff" aria-hidden="true">
          {(message.author ?? t.staff).slice(0, 1)}
        </span>
      )}
      <div className="aisle-message-body">
        {message.role === 'staff' && <span className="aisle-author">{who}</span>}
        {message.text !== '' && (
          <div className={`aisle-bubble aisle-bubble-${message.role}`} aria-busy={message.streaming === true}>
            {who !== null && <span className="aisle-visually-hidden">{`${who}: `}</span>}
            {message.text}
          </div>
        )}
        {message.cards.map((card, index) => (
          // Cards have no ids of their own; their order within one message never changes.
          <CardView key={index} card={card} />
        ))}
        {message.failed === true ? (
          <p className="aisle-failed" role="alert">
            {t.sendFailed}{' '}
            <button
              type="button"
              className="aisle-link-button"
              onClick={() => conversation.retry(message.id)}
            >
              {t.retry}
            </button>
          </p>
        ) : (
          message.role !== 'system' && (
            <time className="aisle-time" dateTime={new Date(message.createdAt).toISOString()}>
              {formatTime(message.createdAt, locale)}
            </time>
          )
        )}
      </div>
    </div>
  );
}
