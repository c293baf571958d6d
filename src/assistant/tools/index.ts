/**
 * assistant/tools — the only way a brain touches commerce. Each tool validates its arguments,
 * acts for the session's own shopper and cart, returns a compact output for the model plus the
 * facts the grounding guard checks, and runs consequential actions only after a confirmed preview.
 */
export { type Confirmations, createConfirmations } from './confirmations.js';
export { signCustomerToken, verifyCustomerToken } from './customer-token.js';
export { ToolError, type ToolErrorCode } from './errors.js';
export type { ToolboxOptions } from './tool-kit.js';
export { createToolbox, type Toolbox } from './toolbox.js';
export type * from './types.js';
