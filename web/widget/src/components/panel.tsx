import { type KeyboardEvent, useEffect, useRef } from 'react';
import { CheckoutSheet } from '../checkout/checkout-sheet.js';
import { useStrings } from '../i18n/index.js';
import { CartDrawer } from './cart-drawer.js';
import { Composer } from './composer.js';
import { CartIcon, CloseIcon, PersonIcon, SparkIcon } from './icons.js';
import { MessageList } from './message-list.js';
import { StatusBanner } from './status-banner.js';
import type { Overlay } from './widget.js';
import { useWidget } from './widget-context.js';

interface PanelProps {
  /** False when the page opened the chat on load: focus stays where the shopper is. */
  readonly takeFocus: boolean;
  readonly onClose: () => void;
  readonly overlay: Overlay;
  readonly setOverlay: (overlay: Overlay) => void;
}

export function Panel({ takeFocus, onClose, overlay, setOverlay }: PanelProps) {
  const { t } = useStrings();
  const { config, conversation, openCart } = useWidget();
  const composer = useRef<HTMLTextAreaElement>(null);
  const cart = conversation.shopper?.cart ?? null;
  const itemCount = cart?.itemCount ?? 0;

  useEffect(() => {
    if (takeFocus) composer.current?.focus();
  }, [takeFocus]);

  const closeOverlay = () => {
    setOverlay('none');
    requestAnimationFrame(() => composer.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    if (overlay !== 'none') closeOverlay();
    else onClose();
  };

  return (
    <section
      className="aisle-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="aisle-title"
      onKeyDown={onKeyDown}
    >
      {/* Behind an open cart or checkout the chat is inert: keyboard and screen reader stay in the sheet. */}
      <div className="aisle-panel-main" inert={overlay !== 'none'}>
        <header className="aisle-header">
          <div className="aisle-header-main">
            <h2 id="aisle-title" className="aisle-title">
              {config.storeName ?? t.panelLabel}
            </h2>
            <p className="aisle-disclosure">
              <span className="aisle-ai-badge">
                <SparkIcon />
                {t.aiBadge}
              </span>
              {t.aiDisclosure}
            </p>
          </div>
          <div className="aisle-header-actions">
            <button
              type="button"
              className="aisle-icon-button aisle-cart-button"
              aria-label={t.openCart(itemCount)}
              onClick={openCart}
              disabled={conversation.phase !== 'ready'}
            >
              <CartIcon />
              {itemCount > 0 && (
                <span className="aisle-count" aria-hidden="true">
                  {itemCount}
                </span>
              )}
            </button>
            <button type="button" className="aisle-icon-button" aria-label={t.closeChat} onClick={onClose}>
              <CloseIcon />
            </button>
          </div>
        </header>
        <div className="aisle-person-bar">
          <button
            type="button"
            className="aisle-person-button"
            onClick={() => void conversation.send(t.talkToPersonMessage)}
            disabled={
              conversation.phase !== 'ready' || conversation.busy || conversation.status !== 'assistant'
            }
          >
            <PersonIcon />
            {t.talkToPerson}
          </button>
        </div>
        <StatusBanner />
        <MessageList />
        <Composer ref={composer} />
      </div>
      {overlay === 'cart' && <CartDrawer onClose={closeOverlay} onCheckout={() => setOverlay('checkout')} />}
      {overlay === 'checkout' && (
        <CheckoutSheet onClose={closeOverlay} onReviewCart={() => setOverlay('cart')} />
      )}
    </section>
  );
}
