/** The frame around every signed-in page: navigation, the live-connection light, language and sign-out. */
import type { ReactNode } from 'react';
import { api } from '../api/client.js';
import { useConnection } from '../api/staff-events.js';
import type { StaffMember } from '../api/types.js';
import { LANGUAGE_NAMES, LANGUAGES, useLanguage } from '../i18n/index.js';
import type { MessageKey } from '../i18n/messages.js';
import { useLiveQueue } from '../live-sessions.js';
import { hrefOf, type Route } from '../router.js';

const NAV: readonly { page: 'conversations' | 'catalog' | 'inventory' | 'promotions'; label: MessageKey }[] =
  [
    { page: 'conversations', label: 'nav.conversations' },
    { page: 'catalog', label: 'nav.catalog' },
    { page: 'inventory', label: 'nav.inventory' },
    { page: 'promotions', label: 'nav.promotions' },
  ];

function isCurrent(route: Route, page: string): boolean {
  return route.page === page || (page === 'conversations' && route.page === 'conversation');
}

export function Shell({
  member,
  route,
  onSignedOut,
  children,
}: {
  member: StaffMember;
  route: Route;
  onSignedOut: () => void;
  children: ReactNode;
}) {
  const { t } = useLanguage();
  const queue = useLiveQueue();
  const waiting = queue.data?.length ?? 0;

  const signOut = () => {
    api.signOut().finally(onSignedOut);
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.console')}</small>
          </span>
        </div>
        <nav aria-label={t('nav.main')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.page}>
                <a
                  href={hrefOf({ page: item.page })}
                  className="nav-link"
                  aria-current={isCurrent(route, item.page) ? 'page' : undefined}
                >
                  <span>{t(item.label)}</span>
                  {item.page === 'conversations' && waiting > 0 && (
                    <span className="nav-count" title={t('nav.waiting', { count: waiting })}>
                      <span aria-hidden="true">{waiting}</span>
                      <span className="visually-hidden">{t('nav.waiting', { count: waiting })}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <ConnectionLight />
          <div className="topbar-end">
            <LanguageToggle />
            <span className="who">{t('app.signedInAs', { name: member.name })}</span>
            <button type="button" className="button button-quiet" onClick={signOut}>
              {t('app.signOut')}
            </button>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

function ConnectionLight() {
  const { t } = useLanguage();
  const connection = useConnection();
  const label =
    connection === 'live' ? 'app.live' : connection === 'connecting' ? 'app.connecting' : 'app.offline';
  return (
    <span className={`connection connection-${connection}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(label)}
    </span>
  );
}

export function LanguageToggle() {
  const { t, language, setLanguage } = useLanguage();
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">{t('app.language')}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
