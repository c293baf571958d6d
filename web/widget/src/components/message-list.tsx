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
  const scrollBox = useRef<HTMLDivElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const streaming = last?.streaming === true;
  const showTyping = busy && !streaming;

  // Follow the conversation: runs whenever the last message changes (a new one, or streamed words
  // patched into it, each a new object) or the typing dots come and go. A reply taller than the view
  // (a row of product cards) is shown from its top, so the shopper reads it from the start. The list
  // scrolls itself: scrollIntoView would scroll the host page as well.
  useEffect(() => {
    const scroller = scrollBox.current;
    const lastRow = log.current?.lastElementChild;
    if (scroller === null) return;
    const lastRowIsReply = !showTyping && last !== undefined && last.role !== 'shopper';
    if (
      lastRowIsReply &&
      lastRow instanceof HTMLElement &&
      lastRow.offsetHeight > scroller.clientHeight * 0.8
    ) {
      const offset = lastRow.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += offset - 8;
    } else {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }, [last, showTyping]);

  const latestProductsId = messages.findLast((m) => m.cards.some((card) => card.type === 'products'))?.id;
  // A confirmation card carries its own Yes and No; the same chips beside it would say it twice.
  const lastWithChips =
    last !== undefined &&
    last.role !== 'shopper' &&
    !busy &&
    !last.cards.some((card) => card.type === 'confirmation')
      ? last
      : null;

  return (
    <div className="aisle-messages" ref={scrollBox}>
      <div
        ref={log}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-busy={busy}
        aria-label={t.messagesLabel}
        className="aisle-log"
      >
        {messages.map((message) => (
          <MessageRow
            key={message.id}
            message={message}
            latestProducts={message.id === latestProductsId}
            current={message === last}
          />
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

interface MessageRowProps {
  readonly message: ChatMessage;
  readonly latestProducts: boolean;
  readonly current: boolean;
}

function MessageRow({ message, latestProducts, current }: MessageRowProps) {
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
          // biome-ignore lint/suspicious/noArrayIndexKey: cards have no ids of their own, and a message's cards never change or reorder once it arrives.
          <CardView key={index} card={card} latest={latestProducts} current={current} />
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
