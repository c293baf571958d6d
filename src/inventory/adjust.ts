import { ConflictError, ValidationError } from '../core/index.js';
import type { Tx } from '../store/index.js';
import { writeLedger } from './ledger.js';
import { ensureLevel, explainRefusedRemoval, readLevel } from './levels.js';
import { addUnits, releaseLapsedHolds, removeUnits, setUnits } from './stock-levels.js';
import type { AdjustmentInput, AdjustmentKind, StockLevel } from './types.js';
import { requirePositiveInteger, requireText, requireWholeNumber } from './validate.js';

const KINDS: readonly AdjustmentKind[] = ['receive', 'count', 'damage', 'return', 'correction'];
// A count retries when another writer changed on hand between its read and its write.
const COUNT_ATTEMPTS = 5;

/** The signed change a non-count adjustment asks for. */
export function requestedDelta(input: AdjustmentInput): number {
  switch (input.kind) {
    case 'receive':
    case 'return':
      return requirePositiveInteger(input.quantity, 'quantity');
    case 'damage':
      return -requirePositiveInteger(input.quantity, 'quantity');
    case 'correction':
      if (!Number.isSafeInteger(input.quantity) || input.quantity === 0) {
        throw new ValidationError('a correction quantity must be a non-zero integer', {
          quantity: input.quantity,
        });
      }
      return input.quantity;
    case 'count':
      throw new ValidationError('a count has no delta');
  }
}

export function validateAdjustment(input: AdjustmentInput): void {
  requireText(input.variantId, 'variantId');
  requireText(input.locationId, 'locationId');
  requireText(input.actor, 'actor');
  if (!KINDS.includes(input.kind)) throw new ValidationError(`unknown adjustment kind ${String(input.kind)}`);
  if (input.kind === 'count') requireWholeNumber(input.quantity, 'quantity');
  else requestedDelta(input);
}

async function applyDelta(trx: Tx, input: AdjustmentInput, delta: number, now: number): Promise<number> {
  const { variantId, locationId } = input;
  if (delta > 0) {
    const onHand = await addUnits(trx, variantId, locationId, delta, now);
    if (onHand !== undefined) return onHand;
    await ensureLevel(trx, variantId, locationId, now);
    const created = await addUnits(trx, variantId, locationId, delta, now);
    if (created === undefined)
      throw new ConflictError('level_vanished', 'the stock level was removed meanwhile');
    return created;
  }
  const removed = -delta;
  const onHand =
    (await removeUnits(trx, variantId, locationId, removed, now)) ??
    ((await releaseLapsedHolds(trx, variantId, locationId, now)) > 0
      ? await removeUnits(trx, variantId, locationId, removed, now)
      : undefined);
  return onHand ?? explainRefusedRemoval(trx, variantId, locationId, removed, now);
}

/** Returns the delta the count made and the resulting on hand. */
async function applyCount(
  trx: Tx,
  input: AdjustmentInput,
  now: number,
): Promise<{ delta: number; onHand: number }> {
  const { variantId, locationId, quantity: target } = input;
  for (let attempt = 0; attempt < COUNT_ATTEMPTS; attempt++) {
    const before = await ensureLevel(trx, variantId, locationId, now);
    if (await setUnits(trx, variantId, locationId, before, target, now))
      return { delta: target - before, onHand: target };
    const level = await readLevel(trx, variantId, locationId, now);
    if (level.onHand !== before) continue;
    if ((await releaseLapsedHolds(trx, variantId, locationId, now)) > 0) continue;
    throw new ConflictError(
      'would_break_reservations',
      `a count of ${target} is below the ${level.reserved} units reserved; release holds first`,
      { variantId, locationId, onHand: before, reserved: level.reserved, quantity: target },
    );
  }
  throw new ConflictError('count_contended', 'on hand kept changing during the count; count again');
}

/** Applies one adjustment and its ledger entry inside `trx`. */
export async function applyAdjustment(trx: Tx, input: AdjustmentInput, now: number): Promise<StockLevel> {
  let delta: number;
  let onHand: number;
  if (input.kind === 'count') {
    ({ delta, onHand } = await applyCount(trx, input, now));
  } else {
    delta = requestedDelta(input);
    onHand = await applyDelta(trx, input, delta, now);
  }
  await writeLedger(
    trx,
    [
      {
        variantId: input.variantId,
        locationId: input.locationId,
        kind: input.kind,
        quantity: delta,
        onHandAfter: onHand,
        reason: input.reason ?? null,
        actor: input.actor,
        referenceType: input.referenceType ?? null,
        referenceId: input.referenceId ?? null,
      },
    ],
    now,
  );
  return readLevel(trx, input.variantId, input.locationId, now);
}
