/**
 * What every tool body shares: the services, the confirmation ledger, the options, and small
 * helpers for money text, the turn's time and the shopper checks scoping rests on.
 */
import type { z } from 'zod';
import { formatMoney, type Money } from '../../core/index.js';
import type { Confirmations } from './confirmations.js';
import { ToolError } from './errors.js';
import type { HandoffPort, Tool, ToolContext, ToolServices } from './types.js';

export interface ToolboxOptions {
  /** Verifies signed customer tokens; without it identify_shopper refuses tokens. */
  readonly customerTokenSecret?: string;
  readonly handoff?: HandoffPort;
  /** How long a preview may wait for the shopper's yes (default 10 minutes). */
  readonly confirmationTtlMs?: number;
  /** Failed identifications a session may make (default 5). */
  readonly maxIdentificationAttempts?: number;
  /** Merchant statement for policy facts: returns cost the shopper nothing. */
  readonly freeReturns?: boolean;
}

export interface ToolKit {
  readonly services: ToolServices;
  readonly confirmations: Confirmations;
  readonly options: ToolboxOptions;
}

export function defineTool<Schema extends z.ZodType>(tool: Tool<Schema>): Tool<Schema> {
  return tool;
}

export function nowOf(kit: ToolKit, context: ToolContext): number {
  return context.now ?? kit.services.clock.now();
}

export function moneyText(value: Money, context: ToolContext): string {
  return formatMoney(value, context.locale);
}

/** The verified shopper's customer id, or the refusal the brain explains. */
export function requireVerified(tool: string, context: ToolContext): string {
  if (context.shopper.customerId === null) {
    throw new ToolError(tool, 'shopper_not_identified', 'ask the shopper to identify themselves first');
  }
  if (!context.shopper.verified) {
    throw new ToolError(tool, 'shopper_not_verified', 'the shopper must verify who they are first');
  }
  return context.shopper.customerId;
}

/** Merchant text is data: cut to a length a model can afford, and marked as quoted. */
export function quoted(text: string, max = 600): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
