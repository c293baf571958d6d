/**
 * How much of the conversation the rules brain carried, and what that saved. Tokens saved are the
 * rules-served turns times what an LLM turn costs in this store, measured from the LLM turns
 * recorded, or an estimate while there are none.
 */
import type { BrainTotals } from './session-store.js';
import type { RoutingStats } from './types.js';

/**
 * A typical tool-using LLM turn: the system prompt with the tool schemas (about 2,500 tokens) sent
 * on each of two model calls, plus recent history and the reply. An assumption, reported as one.
 */
export const ESTIMATED_TOKENS_PER_LLM_TURN = 6000;

export function routingStatsOf(totals: readonly BrainTotals[]): RoutingStats {
  const of = (brain: string) => totals.find((total) => total.brain === brain);
  const rules = of('rules')?.turns ?? 0;
  const llmTotals = of('llm');
  const llm = llmTotals?.turns ?? 0;
  const fallback = of('fallback')?.turns ?? 0;
  const input = totals.reduce((sum, total) => sum + total.inputTokens, 0);
  const output = totals.reduce((sum, total) => sum + total.outputTokens, 0);
  const all = rules + llm + fallback;
  const tokensPerLlmTurn =
    llm > 0 && llmTotals !== undefined
      ? {
          value: Math.round((llmTotals.inputTokens + llmTotals.outputTokens) / llm),
          basis: 'measured' as const,
        }
      : { value: ESTIMATED_TOKENS_PER_LLM_TURN, basis: 'estimate' as const };
  return {
    turns: { rules, llm, fallback },
    rulesShare: all === 0 ? 0 : rules / all,
    llmTokens: { input, output },
    tokensSaved: rules * tokensPerLlmTurn.value,
    tokensPerLlmTurn,
  };
}
