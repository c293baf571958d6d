/**
 * Requests to the Aisle API with the staff sign-in cookie. The browser sends the cookie on its
 * own; changes also carry `X-Aisle-Staff: 1`, which the server requires of cookie-authenticated
 * writes so that no other site can make them.
 */
import type {
  Availability,
  Location,
  Product,
  ProductPage,
  RoutingStats,
  SearchResult,
  SessionStatus,
  SessionSummary,
  StaffMember,
  StaffTranscript,
  StockLevel,
  StoredPromotion,
  TranscriptMessage,
} from './types.js';

/** The API's error body `{ error: { code, message } }`, or a network failure (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static isInstance(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }
}

let onSignedOut: () => void = () => {};

/** Called when a request finds the sign-in gone (expired, or the admin key rotated). */
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-aisle-staff'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && path !== '/v1/staff/login') onSignedOut();
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText);
  }
  return parsed as T;
}

const idList = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');
const session = (id: string) => `/v1/staff/sessions/${encodeURIComponent(id)}`;

export const api = {
  me: () => request<StaffMember>('GET', '/v1/staff/me'),
  signIn: (key: string, name: string) => request<StaffMember>('POST', '/v1/staff/login', { key, name }),
  signOut: () => request<null>('POST', '/v1/staff/logout'),

  sessions: (status?: SessionStatus) =>
    request<{ sessions: SessionSummary[] }>(
      'GET',
      status === undefined ? '/v1/staff/sessions' : `/v1/staff/sessions?status=${status}`,
    ),
  queue: () => request<{ sessions: SessionSummary[] }>('GET', '/v1/staff/queue'),
  transcript: (id: string) => request<StaffTranscript>('GET', session(id)),
  takeOver: (id: string) => request<{ session: SessionSummary }>('POST', `${session(id)}/takeover`),
  reply: (id: string, text: string) =>
    request<{ message: TranscriptMessage }>('POST', `${session(id)}/messages`, { text }),
  handBack: (id: string) => request<{ session: SessionSummary }>('POST', `${session(id)}/handback`),
  close: (id: string) => request<{ session: SessionSummary }>('POST', `${session(id)}/close`),
  stats: () => request<RoutingStats>('GET', '/v1/staff/stats'),

  products: (options: { cursor?: string | null; limit: number; locale: string }) => {
    const query = new URLSearchParams({ limit: String(options.limit), locale: options.locale });
    if (options.cursor) query.set('cursor', options.cursor);
    return request<ProductPage>('GET', `/v1/products?${query}`);
  },
  product: (id: string, locale: string) =>
    request<Product>('GET', `/v1/products/${encodeURIComponent(id)}?locale=${encodeURIComponent(locale)}`),
  search: (q: string, locale: string) =>
    request<SearchResult>('GET', `/v1/search?${new URLSearchParams({ q, locale, limit: '50' })}`),
  locations: () => request<{ items: Location[] }>('GET', '/v1/locations'),
  levels: (variantIds: readonly string[]) =>
    request<{ items: StockLevel[] }>('GET', `/v1/inventory/levels?variantIds=${idList(variantIds)}`),
  availability: (variantIds: readonly string[]) =>
    request<{ items: Availability[] }>('GET', `/v1/inventory/availability?variantIds=${idList(variantIds)}`),
  promotions: () => request<{ items: StoredPromotion[] }>('GET', '/v1/promotions'),
  /** The store's policy summary; the console reads the store currency from it. */
  policies: () => request<{ currency: string }>('GET', '/v1/policies'),
};
