/**
 * Policy types as the rules face's functions take them. The face stopped exporting them by name;
 * deriving them from `loadPolicySet` and `canTransition` keeps us on the face.
 */
import type { canTransition, loadPolicySet } from '../rules/index.js';

export type PolicySet = ReturnType<typeof loadPolicySet>;
export type TransitionRule = Parameters<typeof canTransition>[3][number];
export type PolicyOrderAction = Parameters<typeof canTransition>[1];
