// Declared by the payments migration (0004).
export type PaymentsTables = Record<never, never>;
