import { ValidationError } from '../../core/index.js';

/** A feed file that cannot be read at all: unknown format, broken quoting, malformed XML. */
export class FeedFormatError extends ValidationError {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message, line === undefined ? undefined : { line }, 'invalid_feed');
    this.line = line;
  }
}

/** A single row or product that cannot be imported; carries the issue code reported for it. */
export class FeedRowError extends ValidationError {
  constructor(code: string, message: string) {
    super(message, undefined, code);
  }
}
