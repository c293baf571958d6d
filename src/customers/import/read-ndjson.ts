/**
 * Splits NDJSON into lines as it arrives, so a file of any size is read in constant memory.
 * Carriage returns before a newline are dropped; blank lines are skipped but still counted.
 */
import { ValidationError } from '../../core/index.js';
import type { CustomerImportInput } from './types.js';

export const MAX_RECORD_CHARACTERS = 4 * 1024 * 1024;

export interface NdjsonLine {
  readonly line: number;
  readonly text: string;
}

async function* chunksOf(input: CustomerImportInput): AsyncIterable<string> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of input) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

export async function* readNdjson(input: CustomerImportInput): AsyncIterable<NdjsonLine> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunksOf(input)) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      line += 1;
      const text = pending.slice(start, newline).replace(/\r$/, '');
      if (text.trim() !== '') yield { line, text };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > MAX_RECORD_CHARACTERS) {
      throw new ValidationError(
        `line ${line + 1} is longer than ${MAX_RECORD_CHARACTERS} characters: is this NDJSON, one record per line?`,
        { line: line + 1 },
        'record_too_large',
      );
    }
  }
  if (pending.trim() !== '') yield { line: line + 1, text: pending.replace(/\r$/, '') };
}
