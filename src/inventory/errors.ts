import { ConflictError } from '../core/index.js';

export interface ShortLine {
  variantId: string;
  /** Present when the line asked for a particular location. */
  locationId?: string;
  requested: number;
  available: number;
}

/** A reservation asked for more than can be held; nothing was held (HTTP 409). */
export class InsufficientStockError extends ConflictError {
  readonly lines: readonly ShortLine[];

  constructor(lines: ShortLine[]) {
    const names = lines
      .map((line) => `${line.variantId} (${line.available} of ${line.requested})`)
      .join(', ');
    super('insufficient_stock', `not enough stock for ${names}`, { lines });
    this.lines = lines;
  }

  static override isInstance(value: unknown): value is InsufficientStockError {
    return value instanceof InsufficientStockError;
  }
}
