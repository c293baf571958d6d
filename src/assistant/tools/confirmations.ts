/**
 * One-time confirmations of consequential actions. A preview issues an id bound to the session,
 * the tool, the exact input and the amounts the engine previewed; the action runs only when the
 * same session sends that id back with the same input while the engine still previews the same
 * amounts. An id is used once; a changed preview burns it.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/index.js';
import { ToolError } from './errors.js';

export interface ConfirmationBinding {
  readonly sessionId: string;
  readonly tool: string;
  /** The input without its `confirm` field, canonical. */
  readonly input: unknown;
  /** What the shopper agrees to pay or receive, canonical. */
  readonly amounts: unknown;
}

interface Issued {
  readonly sessionId: string;
  readonly tool: string;
  readonly input: string;
  readonly amounts: string;
  readonly expiresAt: number;
}

export interface Confirmations {
  issue(binding: ConfirmationBinding): string;
  /** Consumes the id or throws `confirmation_invalid` / `confirmation_stale`. */
  redeem(id: string, binding: ConfirmationBinding): void;
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    // No prototype, so a key named __proto__ stays a key.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

export function createConfirmations(clock: Clock, ttlMs = 10 * 60_000): Confirmations {
  const issued = new Map<string, Issued>();

  const sweep = (now: number) => {
    for (const [id, entry] of issued) if (entry.expiresAt <= now) issued.delete(id);
  };

  return {
    issue(binding) {
      const now = clock.now();
      sweep(now);
      const id = `cf_${randomBytes(12).toString('base64url')}`;
      issued.set(id, {
        sessionId: binding.sessionId,
        tool: binding.tool,
        input: canonical(binding.input),
        amounts: canonical(binding.amounts),
        expiresAt: now + ttlMs,
      });
      return id;
    },
    redeem(id, binding) {
      sweep(clock.now());
      const entry = issued.get(id);
      const invalid = () =>
        new ToolError(
          binding.tool,
          'confirmation_invalid',
          'this confirmation does not match the action; preview it again and ask the shopper',
        );
      if (entry === undefined || entry.sessionId !== binding.sessionId || entry.tool !== binding.tool) {
        throw invalid();
      }
      if (entry.input !== canonical(binding.input)) throw invalid();
      issued.delete(id);
      if (entry.amounts !== canonical(binding.amounts)) {
        throw new ToolError(
          binding.tool,
          'confirmation_stale',
          'the amounts changed since the shopper agreed; preview again and ask the shopper',
        );
      }
    },
  };
}
