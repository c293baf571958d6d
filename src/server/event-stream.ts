/**
 * Server-sent events on a Fastify reply: the reply is taken over from Fastify, each event is
 * written (and so flushed) as it happens, and a comment line keeps idle streams alive through
 * proxies. Used by the shopper's turn stream, the shopper's session events and the staff feed.
 */
import type { FastifyReply } from 'fastify';
import { AisleError } from '../core/index.js';

export interface EventStream {
  /** Writes `event: <name>` with `data` as one JSON line; ignored once the stream is closed. */
  send(event: string, data: unknown): void;
  /** Sends `event: error` with `{ code, message }` as the JSON error body would carry them (internals stay in the log). */
  fail(error: unknown): void;
  close(): void;
  readonly closed: boolean;
  /** Runs once, when the client goes away or `close` is called. */
  onClose(listener: () => void): void;
}

export interface EventStreamOptions {
  /** Milliseconds between keep-alive comments; none when absent. */
  readonly heartbeatMs?: number;
}

/** Where event streams are opened: an app that runs `preClose` hooks before it stops. */
export interface EventStreamHost {
  addHook(name: 'preClose', hook: () => Promise<void>): unknown;
}

/**
 * Opens event streams on `app`'s replies and ends every stream still open when the app closes:
 * a listener that never hangs up would otherwise keep the server from shutting down.
 */
export function eventStreams(app: EventStreamHost) {
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.close();
  });
  return (reply: FastifyReply, options: EventStreamOptions = {}): EventStream => {
    const stream = openEventStream(reply, options);
    open.add(stream);
    stream.onClose(() => open.delete(stream));
    return stream;
  };
}

export function isEventStreamRequest(accept: string | undefined): boolean {
  return accept?.split(',').some((type) => type.trim().split(';')[0] === 'text/event-stream') ?? false;
}

function openEventStream(reply: FastifyReply, options: EventStreamOptions = {}): EventStream {
  reply.hijack();
  const raw = reply.raw;
  // Headers set by hooks (rate limit) still reach the client.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, value);
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers responses unless told not to.
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();

  let closed = false;
  const listeners: (() => void)[] = [];
  const heartbeat =
    options.heartbeatMs === undefined
      ? undefined
      : setInterval(() => {
          if (!closed) raw.write(': keep-alive\n\n');
        }, options.heartbeatMs);

  const finish = () => {
    if (closed) return;
    closed = true;
    if (heartbeat !== undefined) clearInterval(heartbeat);
    for (const listener of listeners.splice(0)) listener();
  };
  raw.on('close', finish);

  const send = (event: string, data: unknown) => {
    if (closed) return;
    raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  return {
    send,
    fail(error) {
      if (AisleError.isInstance(error)) {
        if (error.status >= 500) reply.log.error({ err: error }, error.message);
        send('error', { code: error.code, message: error.message });
      } else {
        reply.log.error({ err: error }, 'event stream failed');
        send('error', { code: 'internal_error', message: 'something went wrong on our side' });
      }
    },
    close() {
      if (closed) return;
      raw.end();
      finish();
    },
    get closed() {
      return closed;
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
}
