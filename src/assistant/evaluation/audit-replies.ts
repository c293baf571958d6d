/**
 * "Nothing promised that the rules do not give", for words: every final reply the shopper read is
 * checked again by the grounding guard against the facts the session's tools had returned by that
 * turn. A reply the engine sent with a claim the facts do not back is a failure, whatever the
 * engine's own guard logged.
 */
import { FactSet } from '../facts/index.js';
import { verify } from '../guard/index.js';
import type { RecordedTurn } from './types.js';

export interface ReplyAuditOptions {
  readonly locale: string;
  readonly currency: string;
  /** The store's local date (YYYY-MM-DD) during the trial. */
  readonly today: string;
}

/** One message per unsupported claim, naming the turn, the words and the guard's reason. */
export function auditReplies(turns: readonly RecordedTurn[], options: ReplyAuditOptions): string[] {
  const failures: string[] = [];
  const earlier: RecordedTurn['facts'][number][] = [];
  turns.forEach((turn, index) => {
    const facts = new FactSet(earlier).add(...turn.facts);
    const verification = verify(turn.reply.text, facts, {
      locale: options.locale,
      currency: options.currency,
      today: options.today,
      shopperText: turn.shopperText,
    });
    for (const verdict of verification.claims) {
      if (verdict.status === 'supported') continue;
      failures.push(
        `turn ${index + 1}: unsupported ${verdict.claim.type} claim "${verdict.claim.text}" reached the shopper (${verdict.reason})`,
      );
    }
    earlier.push(...turn.facts);
  });
  return failures;
}
