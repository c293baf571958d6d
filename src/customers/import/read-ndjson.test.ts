import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNdjson } from './read-ndjson.js';

async function collect(input: Parameters<typeof readNdjson>[0]) {
  const lines: { line: number; text: string }[] = [];
  for await (const line of readNdjson(input)) lines.push(line);
  return lines;
}

async function* chunked(text: string, cuts: number[]): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(cut, bytes.length);
    if (end > start) yield bytes.slice(start, end);
    start = Math.max(start, end);
  }
  yield bytes.slice(start);
}

describe('readNdjson', () => {
  it('numbers lines as the file does, skipping blank ones and dropping carriage returns', async () => {
    expect(await collect('{"a":1}\r\n\n  \n{"b":"茶"}')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":"茶"}' },
    ]);
  });

  it('yields the same lines wherever the chunks split the bytes, even inside a character', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replaceAll('\n', ' ')),
          { maxLength: 8 },
        ),
        fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
        async (records, cuts) => {
          const text = records.join('\n');
          expect(await collect(chunked(text, cuts))).toEqual(await collect(text));
        },
      ),
    );
  });
});
