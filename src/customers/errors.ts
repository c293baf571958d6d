import { ConflictError } from '../core/index.js';

/** Another customer already has this email (compared case-insensitively). HTTP 409. */
export class EmailTakenError extends ConflictError {
  constructor() {
    // The message never repeats the email: it is personal data and ends up in logs.
    super('email_taken', 'another customer already has this email');
  }
  static override isInstance(value: unknown): value is EmailTakenError {
    return ConflictError.isInstance(value) && value.code === 'email_taken';
  }
}

/** Another customer already has this merchant customer id. HTTP 409. */
export class ExternalIdTakenError extends ConflictError {
  constructor(externalId: string) {
    super('external_id_taken', `another customer already has the external id ${externalId}`, { externalId });
  }
}

/** The payment-method token is saved for another customer. HTTP 409. */
export class PaymentMethodTakenError extends ConflictError {
  constructor() {
    super('payment_method_taken', 'this payment method is saved for another customer');
  }
}

/** Which unique constraint a failed write ran into, on either engine; undefined for other errors. */
export function uniqueViolationColumn(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, constraint, detail } = error as Record<string, unknown>;
  if (code === '23505') return `${String(constraint ?? '')} ${String(detail ?? '')}`;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT_') && typeof message === 'string') {
    return /UNIQUE|PRIMARY/.test(code) ? message : undefined;
  }
  return undefined;
}

/** Turns a unique violation of the customers tables into the conflict a caller can act on. */
export function conflictFromUniqueViolation(error: unknown, externalId: string | null): unknown {
  const column = uniqueViolationColumn(error);
  if (column === undefined) return error;
  if (column.includes('email_key')) return new EmailTakenError();
  if (column.includes('external_id')) return new ExternalIdTakenError(externalId ?? '');
  if (column.includes('token')) return new PaymentMethodTakenError();
  return error;
}
