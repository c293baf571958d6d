/**
 * The console: asks the server who is signed in (the cookie is httpOnly, so the page cannot look),
 * shows the sign-in page when nobody is, and the signed-in console otherwise.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, whenSignedOut } from './api/client.js';
import { StaffEventsProvider } from './api/staff-events.js';
import type { StaffMember } from './api/types.js';
import { ErrorNotice, Loading } from './components/feedback.js';
import { Shell } from './components/shell.js';
import { useLanguage } from './i18n/index.js';
import { CatalogPage } from './pages/catalog.js';
import { ConversationPage } from './pages/conversation.js';
import { ConversationsPage } from './pages/conversations.js';
import { InventoryPage } from './pages/inventory.js';
import { PromotionsPage } from './pages/promotions.js';
import { SignInPage } from './pages/sign-in.js';
import { type Route, useRoute } from './router.js';

type Who = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; member: StaffMember };

export function App() {
  const [who, setWho] = useState<Who>({ state: 'checking' });
  const [checkError, setCheckError] = useState<Error | null>(null);

  const check = useCallback(() => {
    setCheckError(null);
    api.me().then(
      (member) => setWho({ state: 'signed-in', member }),
      (error: unknown) => {
        if (ApiError.isInstance(error) && error.status === 401) setWho({ state: 'signed-out' });
        else setCheckError(error as Error);
      },
    );
  }, []);

  const signedOut = useCallback(() => setWho({ state: 'signed-out' }), []);

  useEffect(() => {
    whenSignedOut(signedOut);
    check();
  }, [check, signedOut]);

  if (checkError !== null) return <ErrorNotice error={checkError} onRetry={check} />;
  if (who.state === 'checking') return <Loading />;
  if (who.state === 'signed-out') {
    return <SignInPage onSignedIn={(member) => setWho({ state: 'signed-in', member })} />;
  }
  return (
    <StaffEventsProvider onSignedOut={signedOut}>
      <SignedIn member={who.member} onSignedOut={signedOut} />
    </StaffEventsProvider>
  );
}

function SignedIn({ member, onSignedOut }: { member: StaffMember; onSignedOut: () => void }) {
  const route = useRoute();
  const { t } = useLanguage();
  return (
    <Shell member={member} route={route} onSignedOut={onSignedOut}>
      <Page route={route} member={member} notFound={t('app.notFound')} />
    </Shell>
  );
}

function Page({ route, member, notFound }: { route: Route; member: StaffMember; notFound: string }) {
  switch (route.page) {
    case 'conversations':
      return <ConversationsPage />;
    case 'conversation':
      return <ConversationPage key={route.id} id={route.id} member={member} />;
    case 'catalog':
      return <CatalogPage />;
    case 'inventory':
      return <InventoryPage />;
    case 'promotions':
      return <PromotionsPage />;
    case 'not-found':
      return <p className="empty">{notFound}</p>;
  }
}
