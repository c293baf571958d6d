import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CartsClient } from '../api/carts.js';
import { useConversation } from '../chat/use-conversation.js';
import type { WidgetConfig } from '../embed/config.js';
import { LocaleContext, stringsFor } from '../i18n/index.js';
import { ChatIcon } from './icons.js';
import { Panel } from './panel.js';
import { type WidgetActions, WidgetContext } from './widget-context.js';

/** Host pages may open the chat, optionally with a question: `dispatchEvent(new CustomEvent('aisle:open', { detail: { text } }))`. */
const OPEN_EVENT = 'aisle:open';

export type Overlay = 'none' | 'cart' | 'checkout';

export function Widget({ config }: { config: WidgetConfig }) {
  const strings = useMemo(() => ({ locale: config.locale, t: stringsFor(config.locale) }), [config.locale]);
  const conversation = useConversation(config.apiBase, config.storeKey, config.locale);
  const carts = useMemo(() => new CartsClient(config.apiBase), [config.apiBase]);
  const [open, setOpen] = useState(config.openOnLoad);
  const [openedByShopper, setOpenedByShopper] = useState(false);
  const [overlay, setOverlay] = useState<Overlay>('none');
  const launcher = useRef<HTMLButtonElement>(null);
  const [asked, setAsked] = useState<string | null>(null);
  const { send, phase } = conversation;

  const close = useCallback(() => {
    setOpen(false);
    // Focus returns to the launcher once it is back on screen.
    requestAnimationFrame(() => launcher.current?.focus());
  }, []);

  useEffect(() => {
    const onOpen = (event: Event) => {
      setOpen(true);
      setOpenedByShopper(true);
      const text = (event as CustomEvent<{ text?: unknown } | null>).detail?.text;
      if (typeof text === 'string' && text.trim() !== '') setAsked(text);
    };
    window.addEventListener(OPEN_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_EVENT, onOpen);
  }, []);

  // A question asked from the page is sent once the session is ready and no turn is running.
  const { busy } = conversation;
  useEffect(() => {
    if (phase !== 'ready' || asked === null || busy) return;
    setAsked(null);
    void send(asked);
  }, [phase, busy, send, asked]);

  const actions: WidgetActions = useMemo(
    () => ({
      config,
      conversation,
      carts,
      openCart: () => setOverlay('cart'),
      openCheckout: () => setOverlay('checkout'),
      resolveUrl: (url: string) => new URL(url, `${config.apiBase}/`).href,
    }),
    [config, conversation, carts],
  );

  return (
    <LocaleContext.Provider value={strings}>
      <WidgetContext.Provider value={actions}>
        <div
          className={`aisle-shell aisle-${config.position}`}
          lang={config.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en'}
        >
          {open ? (
            <Panel takeFocus={openedByShopper} onClose={close} overlay={overlay} setOverlay={setOverlay} />
          ) : (
            <button
              ref={launcher}
              type="button"
              className="aisle-launcher"
              aria-label={strings.t.openChat}
              aria-expanded={false}
              onClick={() => {
                setOpen(true);
                setOpenedByShopper(true);
              }}
            >
              <ChatIcon />
              <span className="aisle-launcher-text">{strings.t.openChat}</span>
            </button>
          )}
        </div>
      </WidgetContext.Provider>
    </LocaleContext.Provider>
  );
}
