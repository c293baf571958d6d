/**
 * privacy — PII redaction and the per-session vault. Models and transcripts see emails and phone
 * numbers only as vault tokens; payment card and national identity numbers are removed for good.
 */
export { PiiVault, type VaultKind } from './pii-vault.js';
export {
  REMOVED_MARK,
  type Redaction,
  type RemovedKind,
  redactText,
  redactValue,
  restoreValue,
} from './redact.js';
