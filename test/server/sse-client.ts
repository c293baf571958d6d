/**
 * Reads a server-sent event stream from a fetch Response, as a browser's EventSource would: events
 * are separated by a blank line, `event:` names them, `data:` lines carry the JSON, and lines
 * starting with `:` are comments (kept, so tests can see keep-alives).
 */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: unknown;
}

export type StreamItem = ServerSentEvent | { readonly comment: string };

export async function* readEventStream(response: Response): AsyncGenerator<StreamItem> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) yield { comment: line.slice(1).trim() };
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) yield { event, data: JSON.parse(data.join('\n')) as unknown };
    }
  }
}

/** Every event of a stream that ends (a turn), comments left out. */
export async function collectEvents(response: Response): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const item of readEventStream(response)) if ('event' in item) events.push(item);
  return events;
}

/** Waits for the next event (not comment) of a long-lived stream that `pick` accepts. */
export async function nextEvent(
  stream: AsyncGenerator<StreamItem>,
  pick: (event: ServerSentEvent) => boolean = () => true,
): Promise<ServerSentEvent> {
  for (;;) {
    const { value, done } = await stream.next();
    if (done) throw new Error('the event stream ended');
    if ('event' in value && pick(value)) return value;
  }
}
