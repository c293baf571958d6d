/** Reads a Merchant Center TSV feed: a header row of attribute names, then one item per row. */
import type { Readable } from 'node:stream';
import { readCsvRecords } from './csv-records.js';
import { FeedFormatError } from './errors.js';
import { type GmcRecord, gmcAttributeName } from './gmc-record.js';

// Attributes that hold several values in one TSV cell, separated by commas.
const LIST_ATTRIBUTES = new Set(['additional_image_link']);

export async function* readGmcTsv(stream: Readable): AsyncGenerator<GmcRecord> {
  let header: string[] | undefined;
  for await (const record of readCsvRecords(stream, '\t')) {
    if (header === undefined) {
      header = record.cells.map(gmcAttributeName);
      if (!header.includes('id'))
        throw new FeedFormatError('not a Merchant Center TSV feed: the header has no id column', 1);
      continue;
    }
    const fields = new Map<string, string[]>();
    header.forEach((name, column) => {
      const text = record.cells[column] ?? '';
      const values = LIST_ATTRIBUTES.has(name) ? text.split(',') : [text];
      fields.set(name, [...(fields.get(name) ?? []), ...values]);
    });
    yield { line: record.line, fields };
  }
}
