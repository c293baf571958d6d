import type { Family } from '../family.js';
import { accessories } from './accessories.js';
import { bottoms } from './bottoms.js';
import { camping } from './camping.js';
import { climbing } from './climbing.js';
import { fitness } from './fitness.js';
import { footwear } from './footwear.js';
import { gear } from './gear.js';
import { jackets } from './jackets.js';
import { kids } from './kids.js';
import { layers } from './layers.js';
import { packs } from './packs.js';

/** Every family of the demo store, in the order the catalog lists them. */
export const DEMO_FAMILIES: readonly Family[] = [
  ...footwear,
  ...jackets,
  ...layers,
  ...bottoms,
  ...packs,
  ...camping,
  ...gear,
  ...accessories,
  ...climbing,
  ...fitness,
  ...kids,
];
