/**
 * Typed errors. Every error that can reach a caller carries a stable machine-readable `code`
 * and the HTTP status the edge answers with; callers branch on the class or the code, never on
 * the message text.
 */
const marker = Symbol.for('aisle.error');

export type ErrorDetails = Record<string, unknown>;

export class AisleError extends Error {
  readonly [marker] = true;
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(
    code: string,
    message: string,
    options: { status?: number; details?: ErrorDetails; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.details = options.details;
  }

  static isInstance(value: unknown): value is AisleError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}

/** Input that does not have the right shape or values (HTTP 400). */
export class ValidationError extends AisleError {
  constructor(message: string, details?: ErrorDetails, code = 'invalid_input') {
    super(code, message, details === undefined ? { status: 400 } : { status: 400, details });
  }
}

/** A thing that does not exist, or that the caller may not see (HTTP 404). */
export class NotFoundError extends AisleError {
  constructor(what: string, id: string, code = 'not_found') {
    super(code, `${what} ${id} was not found`, { status: 404, details: { what, id } });
  }
}

/** A request that is well formed but conflicts with the current state (HTTP 409). */
export class ConflictError extends AisleError {
  constructor(code: string, message: string, details?: ErrorDetails) {
    super(code, message, details === undefined ? { status: 409 } : { status: 409, details });
  }
}

/** Missing or wrong credentials (HTTP 401). */
export class UnauthorizedError extends AisleError {
  constructor(message = 'missing or invalid credentials') {
    super('unauthorized', message, { status: 401 });
  }
}
