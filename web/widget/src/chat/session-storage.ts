/**
 * The shopper's session survives a page load: its id and token are kept in the page's local
 * storage, per API and store, so moving from page to page continues the same conversation.
 */
import type { SessionAuth } from '../api/sessions.js';

function key(apiBase: string, storeKey: string | null): string {
  return `aisle:session:${apiBase}:${storeKey ?? ''}`;
}

export function loadSession(apiBase: string, storeKey: string | null): SessionAuth | null {
  try {
    const raw = localStorage.getItem(key(apiBase, storeKey));
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<SessionAuth>;
    return typeof value.sessionId === 'string' && typeof value.token === 'string'
      ? { sessionId: value.sessionId, token: value.token }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(apiBase: string, storeKey: string | null, session: SessionAuth | null): void {
  try {
    if (session === null) localStorage.removeItem(key(apiBase, storeKey));
    else localStorage.setItem(key(apiBase, storeKey), JSON.stringify(session));
  } catch {
    // Storage can be off (private mode, a sandboxed frame): the chat still works for this page.
  }
}
