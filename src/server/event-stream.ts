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

export function isEventStreamRequest(accept: string | undefined): boolean {
  return accept?.split(',').some((type) => type.trim().split(';')[0] === 'text/event-stream') ?? false;
}

export function openEventStream(reply: FastifyReply, options: EventStreamOptions = {}): EventStream {
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
