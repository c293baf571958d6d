/**
 * Decides what an upsert writes, without touching the database: the product as it will be
 * stored, which variant rows to insert, update and delete, and the outcome. Nothing is written
 * for content equal to what is stored, so re-importing a feed leaves `updatedAt` alone.
 */
import { matchVariants } from './match-variants.js';
import {
  type ProductContent,
  productContentOf,
  sameProductFields,
  sameVariantContent,
  variantContentOf,
} from './product-content.js';
import type { Product, Variant } from './types.js';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface UpsertPlan {
  readonly outcome: UpsertOutcome;
  readonly product: Product;
  /** Whether the product row is inserted, updated, or left as is. */
  readonly productWrite: 'insert' | 'update' | 'none';
  readonly insertVariants: readonly Variant[];
  readonly updateVariants: readonly Variant[];
  readonly deleteVariantIds: readonly string[];
}

export interface PlanContext {
  readonly now: number;
  readonly newProductId: () => string;
  readonly newVariantId: () => string;
}

export function planProductUpsert(
  stored: Product | undefined,
  content: ProductContent,
  context: PlanContext,
): UpsertPlan {
  const productId = stored?.id ?? context.newProductId();
  const matches = matchVariants(stored?.variants ?? [], content.variants);
  const insertVariants: Variant[] = [];
  const updateVariants: Variant[] = [];
  const variants = content.variants.map((variantContent, position) => {
    const match = matches[position];
    const variant: Variant = {
      id: match?.id ?? context.newVariantId(),
      productId,
      ...variantContent,
      position,
    };
    if (match === undefined) insertVariants.push(variant);
    else if (match.position !== position || !sameVariantContent(variantContentOf(match), variantContent)) {
      updateVariants.push(variant);
    }
    return variant;
  });
  const kept = new Set(matches.flatMap((match) => (match === undefined ? [] : [match.id])));
  const deleteVariantIds = (stored?.variants ?? [])
    .filter((variant) => !kept.has(variant.id))
    .map((v) => v.id);
  const status = content.status ?? stored?.status ?? 'active';
  const { status: _status, variants: _variants, ...fields } = content;
  const fieldsChanged =
    stored === undefined || status !== stored.status || !sameProductFields(productContentOf(stored), content);
  const variantsChanged = insertVariants.length + updateVariants.length + deleteVariantIds.length > 0;
  const outcome: UpsertOutcome =
    stored === undefined ? 'created' : fieldsChanged || variantsChanged ? 'updated' : 'unchanged';
  const product: Product =
    stored !== undefined && outcome === 'unchanged'
      ? stored
      : {
          id: productId,
          ...fields,
          status,
          variants,
          createdAt: stored?.createdAt ?? context.now,
          updatedAt: context.now,
        };
  return {
    outcome,
    product,
    productWrite: stored === undefined ? 'insert' : outcome === 'updated' ? 'update' : 'none',
    insertVariants,
    updateVariants,
    deleteVariantIds,
  };
}
