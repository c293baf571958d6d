/**
 * Pages live in the URL hash (`#/conversations/<id>`), so links can be shared and reloaded
 * without the server knowing the console's routes.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { readonly page: 'conversations' }
  | { readonly page: 'conversation'; readonly id: string }
  | { readonly page: 'catalog' }
  | { readonly page: 'inventory' }
  | { readonly page: 'promotions' }
  | { readonly page: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === undefined) return { page: 'conversations' };
  if (first === 'conversations' && second !== undefined) return { page: 'conversation', id: second };
  if (first === 'conversations' || first === 'catalog' || first === 'inventory' || first === 'promotions') {
    return { page: first };
  }
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  return route.page === 'conversation'
    ? `#/conversations/${encodeURIComponent(route.id)}`
    : `#/${route.page}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
