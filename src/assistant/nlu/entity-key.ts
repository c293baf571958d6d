/**
 * A short, stable text for an entity ("option:Color=Black", "price:max=3000", "reference:ordinal=2"):
 * what labelled data is written in and what evaluation compares. Prices are in major units so a
 * label does not depend on the currency's exponent.
 */
import { type Money, toDecimal } from '../../core/index.js';
import type { Entity } from './types.js';

export type EntityKey = string;

function major(amount: Money): string {
  return toDecimal(amount)
    .replace(/\.0+$/u, '')
    .replace(/(\.\d*?)0+$/u, '$1');
}

export function entityKey(entity: Entity): EntityKey {
  switch (entity.type) {
    case 'catalog':
      return entity.name === undefined
        ? `${entity.kind}:${entity.value}`
        : `${entity.kind}:${entity.name}=${entity.value}`;
    case 'price': {
      const price = entity.price;
      if (price.kind === 'relative') return `price:${price.direction}`;
      if (price.kind === 'around') return `price:around=${major(price.target)}`;
      if (price.min !== null && price.max !== null)
        return `price:range=${major(price.min)}-${major(price.max)}`;
      if (price.max !== null) return `price:max=${major(price.max)}`;
      return `price:min=${major(price.min!)}`;
    }
    case 'reference': {
      const reference = entity.reference;
      return reference.kind === 'ordinal'
        ? `reference:ordinal=${reference.position}`
        : `reference:${reference.kind}`;
    }
    case 'quantity':
      return `quantity:${entity.value}`;
    default:
      return `${entity.type}:${entity.value}`;
  }
}

/** The type an entity key is counted under: the catalog kind for catalog terms, the entity type otherwise. */
export function entityKeyType(key: EntityKey): string {
  return key.slice(0, key.indexOf(':'));
}
