/** The conversation API: start a session, send a turn (streamed), read the transcript, watch it live. */
import { ApiError, requestJson, send } from './http.js';
import { readEvents } from './sse.js';
import type { CreatedSession, SessionEvent, ShopperState, TranscriptMessage, TurnEvent } from './types.js';

export interface SessionAuth {
  readonly sessionId: string;
  readonly token: string;
}

export interface SessionSnapshot {
  readonly messages: readonly TranscriptMessage[];
  readonly state: ShopperState | null;
}

export class SessionsClient {
  constructor(
    private readonly apiBase: string,
    private readonly storeKey: string | null,
  ) {}

  private url(path: string): string {
    return `${this.apiBase}${path}`;
  }

  private auth(session: SessionAuth): Record<string, string> {
    return { authorization: `Bearer ${session.token}` };
  }

  create(locale: string, signal?: AbortSignal): Promise<CreatedSession> {
    return requestJson<CreatedSession>(this.url('/v1/sessions'), {
      method: 'POST',
      body: { locale },
      headers: this.storeKey === null ? {} : { 'x-aisle-store-key': this.storeKey },
      ...(signal && { signal }),
    });
  }

  async snapshot(session: SessionAuth, signal?: AbortSignal): Promise<SessionSnapshot> {
    const body = await requestJson<{ messages?: TranscriptMessage[]; state?: ShopperState }>(
      this.url(`/v1/sessions/${encodeURIComponent(session.sessionId)}`),
      { headers: this.auth(session), ...(signal && { signal }) },
    );
    return { messages: body.messages ?? [], state: body.state ?? null };
  }

  /**
   * Sends the shopper's text and yields the turn as it streams. A server that answers JSON
   * instead of a stream still works: its whole reply arrives as one `reply` event.
   */
  async *sendMessage(session: SessionAuth, text: string, signal?: AbortSignal): AsyncGenerator<TurnEvent> {
    const response = await send(this.url(`/v1/sessions/${encodeURIComponent(session.sessionId)}/messages`), {
      method: 'POST',
      body: { text },
      headers: { ...this.auth(session), accept: 'text/event-stream' },
      ...(signal && { signal }),
    });
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) {
      const body = (await response.json()) as Omit<Extract<TurnEvent, { type: 'reply' }>, 'type'>;
      yield { type: 'reply', messageId: body.messageId ?? '', reply: body.reply, state: body.state };
      return;
    }
    for await (const event of readEvents(response)) {
      const payload = parse(event.data);
      if (payload === null) continue;
      if (event.event === 'error' || payload.type === 'error') {
        const error = (payload.error ?? payload) as { code?: string; message?: string };
        throw new ApiError(200, error.code ?? 'turn_failed', error.message ?? 'the turn failed');
      }
      yield {
        ...(payload as TurnEvent),
        type: (payload.type ?? event.event) as TurnEvent['type'],
      } as TurnEvent;
    }
  }

  /** Live staff messages and status changes; ends when the server closes or `signal` aborts. */
  async *watch(session: SessionAuth, signal: AbortSignal): AsyncGenerator<SessionEvent> {
    const response = await send(this.url(`/v1/sessions/${encodeURIComponent(session.sessionId)}/events`), {
      headers: { ...this.auth(session), accept: 'text/event-stream' },
      signal,
    });
    for await (const event of readEvents(response)) {
      const payload = parse(event.data);
      if (payload === null) continue;
      yield {
        ...(payload as SessionEvent),
        type: (payload.type ?? event.event) as SessionEvent['type'],
      } as SessionEvent;
    }
  }
}

function parse(data: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
