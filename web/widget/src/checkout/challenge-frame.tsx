import { useWidget } from '../components/widget-context.js';
import { useStrings } from '../i18n/index.js';

/**
 * The bank's 3-D Secure page. On the store's own origin it opens inside the chat; a page on
 * another origin may not frame it (the bank page allows only its own origin as a parent), so
 * there the shopper opens it in a window.
 */
export function ChallengeFrame({ url }: { url: string }) {
  const { t } = useStrings();
  const { config, resolveUrl } = useWidget();
  const href = resolveUrl(url);
  const sameOrigin = new URL(href).origin === location.origin && config.apiBase === location.origin;
  if (sameOrigin) {
    return <iframe className="aisle-challenge-frame" src={href} title={t.challengeFrame} />;
  }
  return (
    <button
      type="button"
      className="aisle-secondary"
      onClick={() => window.open(href, 'aisle-3ds', 'popup,width=480,height=640')}
    >
      {t.challengeOpenWindow}
    </button>
  );
}
