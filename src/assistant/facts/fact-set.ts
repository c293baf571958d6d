/**
 * The facts a reply may rest on: those the tools returned in this turn plus those the session
 * gathered before. A fact stays valid for the session because the shopper was told it; the
 * newest fact about the same thing wins when two disagree (a re-quoted cart, a stock refresh).
 */
import type { Fact, FactKind } from './types.js';

type OfKind<K extends FactKind> = Extract<Fact, { kind: K }>;

/** The identity of what a fact is about; a newer fact with the same key replaces the older one. */
function keyOf(fact: Fact): string {
  switch (fact.kind) {
    case 'product':
      return `product:${fact.productId}`;
    case 'price':
    case 'stock':
      return `${fact.kind}:${fact.variantId}`;
    case 'promotion':
      return `promotion:${fact.promotionId ?? fact.codes.join(',')}`;
    case 'quote':
    case 'policy':
      return fact.kind;
    case 'shipping-option':
      return `shipping-option:${fact.optionId}`;
    case 'order':
      return `order:${fact.orderId}`;
  }
}

export class FactSet {
  private readonly session = new Map<string, Fact>();
  private readonly current = new Map<string, Fact>();
  private revision = 0;

  constructor(sessionFacts: readonly Fact[] = []) {
    for (const fact of sessionFacts) this.session.set(keyOf(fact), fact);
  }

  /** Adds facts of the current turn. */
  add(...facts: readonly Fact[]): this {
    for (const fact of facts) this.current.set(keyOf(fact), fact);
    if (facts.length > 0) this.revision += 1;
    return this;
  }

  /** Closes the turn: its facts join the session's. */
  endTurn(): void {
    for (const [key, fact] of this.current) this.session.set(key, fact);
    this.current.clear();
  }

  /** Changes whenever a fact is added, so derived indexes know when to rebuild. */
  get version(): number {
    return this.revision;
  }

  get turn(): readonly Fact[] {
    return [...this.current.values()];
  }

  /** Session facts overridden by this turn's facts about the same thing. */
  all(): readonly Fact[] {
    const merged = new Map(this.session);
    for (const [key, fact] of this.current) merged.set(key, fact);
    return [...merged.values()];
  }

  ofKind<K extends FactKind>(kind: K): OfKind<K>[] {
    return this.all().filter((fact): fact is OfKind<K> => fact.kind === kind);
  }
}
