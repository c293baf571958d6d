/**
 * Streams the records of a delimited file (CSV, Merchant Center TSV) with the line each record
 * starts on. Tolerates a BOM, CRLF, stray quotes inside unquoted fields and quoted multi-line
 * fields; a file whose quoting is broken beyond that is a FeedFormatError with its line.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { FeedFormatError } from './errors.js';
import { normalizeNewlines } from './feed-source.js';

export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const text of cells) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  }
  return count;
}

export async function* readCsvRecords(stream: Readable, delimiter = ','): AsyncGenerator<CsvRecord> {
  const parser = stream.pipe(normalizeNewlines()).pipe(
    parse({
      bom: true,
      delimiter,
      info: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Merchant Center TSV files are not quoted by convention; a lone `"` in a title is text.
      quote: delimiter === '\t' ? false : '"',
    }),
  );
  stream.on('error', (error) => parser.destroy(error));
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // `info.lines` is the line the record ends on; a quoted field may span several lines.
      yield { line: info.lines - newlinesIn(record), cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new FeedFormatError(
        `the file cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${error.message}`,
        line,
      );
    }
    throw error;
  }
}
