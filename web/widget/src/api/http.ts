import type { ApiErrorBody } from './types.js';

/** An answer from the API that is not a success: its stable code decides what the shopper sees. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }

  static isInstance(value: unknown): value is ApiError {
    return value instanceof Error && value.name === 'ApiError';
  }

  /** A network failure never reached the server: status 0. */
  static offline(cause: unknown): ApiError {
    return new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export async function send(url: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.offline(error);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** JSON answers, with the HTTP status kept: some routes say different things with 200 and 201. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(url, options);
  return (await response.json()) as T;
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ApiErrorBody>;
    if (body.error) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
  } catch {
    // Not JSON: a proxy's page or an empty body; the status alone describes it.
  }
  return new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
}
