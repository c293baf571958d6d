/**
 * Where a feed comes from: a file path, an uploaded buffer or a stream. A source can be read more
 * than once (strict mode validates the whole file before writing), so a one-shot stream is
 * spooled to a temporary file first.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type FeedInput = Readable | string | Uint8Array;

export interface FeedSource {
  readonly totalBytes: number | undefined;
  /** A fresh stream of the whole feed. */
  open(): Readable;
  /** Removes a spool file, if one was made. */
  dispose(): Promise<void>;
}

async function spool(stream: Readable): Promise<FeedSource> {
  const directory = await mkdtemp(join(tmpdir(), 'aisle-feed-'));
  const path = join(directory, 'feed');
  await pipeline(stream, createWriteStream(path));
  const { size } = await stat(path);
  return {
    totalBytes: size,
    open: () => createReadStream(path),
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}

/**
 * `rereadable: true` guarantees `open()` may be called more than once (at the cost of spooling a
 * plain stream to disk); otherwise a plain stream is read once, as it arrives.
 */
export async function openFeedSource(
  input: FeedInput,
  options: { rereadable: boolean },
): Promise<FeedSource> {
  if (typeof input === 'string') {
    const { size } = await stat(input);
    return { totalBytes: size, open: () => createReadStream(input), dispose: async () => {} };
  }
  if (input instanceof Uint8Array) {
    return { totalBytes: input.byteLength, open: () => Readable.from([input]), dispose: async () => {} };
  }
  if (options.rereadable) return spool(input);
  let opened = false;
  return {
    totalBytes: undefined,
    open() {
      if (opened) throw new Error('a streamed feed can be read only once');
      opened = true;
      return input;
    },
    dispose: async () => {},
  };
}

/** Passes bytes through unchanged and reports how many went by. */
export function countBytes(onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      onBytes(total);
      callback(null, chunk);
    },
  });
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Turns CRLF into LF. csv-parse counts a CRLF inside a quoted field as two lines, which would put
 * every later line number of a Windows-saved export off by one. Byte-level is safe for UTF-8:
 * CR and LF never occur inside a multi-byte sequence.
 */
export function normalizeNewlines(): Transform {
  let pendingCarriageReturn = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const bytes = pendingCarriageReturn ? Buffer.concat([Buffer.of(CR), chunk]) : chunk;
      pendingCarriageReturn = bytes.length > 0 && bytes[bytes.length - 1] === CR;
      const end = pendingCarriageReturn ? bytes.length - 1 : bytes.length;
      if (bytes.indexOf(CR) === -1 || bytes.indexOf(CR) >= end) {
        callback(null, bytes.subarray(0, end));
        return;
      }
      const out = Buffer.allocUnsafe(end);
      let length = 0;
      for (let index = 0; index < end; index++) {
        const byte = bytes[index]!;
        if (byte === CR && bytes[index + 1] === LF) continue;
        out[length++] = byte;
      }
      callback(null, out.subarray(0, length));
    },
    flush(callback: TransformCallback) {
      callback(null, pendingCarriageReturn ? Buffer.of(CR) : null);
    },
  });
}
