/**
 * Price guards: the lowest amount a line may sell for. A promotion may take a line down to its
 * floor and no further; what it loses to the floor is reported as `floor_price`.
 */
import { addPercentRoundingUp, toBasisPoints } from './rounding.js';
import type { CartLineFacts } from './types.js';

export interface GuardOptions {
  /** Minimum margin over cost, in percent (20 keeps every unit at cost × 1.2 or more). */
  readonly minimumMarginPercent?: number;
  /** Per-category overrides of the minimum margin; the deepest category of a line's path wins. */
  readonly categoryMarginPercents?: Readonly<Record<string, number>>;
}

function marginFor(line: CartLineFacts, options: GuardOptions): number {
  const overrides = options.categoryMarginPercents;
  const path = line.categoryPath ?? [];
  if (overrides) {
    for (let i = path.length - 1; i >= 0; i--) {
      const override = overrides[path[i] as string];
      if (override !== undefined) return override;
    }
  }
  return options.minimumMarginPercent ?? 0;
}

/** The lowest price one unit of the line may sell for. */
function unitFloor(line: CartLineFacts, options: GuardOptions): number {
  const explicit = line.floorPrice ?? 0;
  if (line.cost === undefined || line.cost === null) return explicit;
  const fromCost = addPercentRoundingUp(line.cost, toBasisPoints(marginFor(line, options)));
  return Math.max(explicit, fromCost);
}

/** The lowest amount the whole line may sell for. */
export function lineFloor(line: CartLineFacts, options: GuardOptions): number {
  return unitFloor(line, options) * line.quantity;
}
