import { describe, expect, it } from 'vitest';
import { SseParser } from '../../web/widget/src/api/sse.js';

describe('widget SSE parser', () => {
  it('reads named events with JSON data, whatever the chunk boundaries', () => {
    const stream = 'event: text-delta\ndata: {"text":"Hi"}\n\nevent: reply\ndata: {"messageId":"m1"}\n\n';
    const parser = new SseParser();
    const events = [...stream].flatMap((character) => parser.push(character));
    expect(events).toEqual([
      { event: 'text-delta', data: '{"text":"Hi"}', id: null },
      { event: 'reply', data: '{"messageId":"m1"}', id: null },
    ]);
  });

  it('skips keep-alive comments, joins multi-line data and accepts CRLF', () => {
    const parser = new SseParser();
    const events = parser.push(': keep-alive\r\n\r\ndata: one\r\ndata: two\r\nid: 7\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo', id: '7' }]);
  });

  it('holds an unfinished event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: status\ndata: {"status":"staff"}')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ event: 'status', data: '{"status":"staff"}', id: null }]);
  });
});
