/**
 * The per-session vault of reversible redactions: each distinct email or phone number the shopper
 * gives gets a token (`[email_1]`, `[phone_1]`) that models and transcripts see instead. The vault
 * is the one place the session keeps the real value, so erasing it erases the PII.
 */

export type VaultKind = 'email' | 'phone';

const TOKEN = /\[(email|phone)_(\d{1,4})\]/g;

export class PiiVault {
  private readonly byToken = new Map<string, string>();
  private readonly byValue = new Map<string, string>();

  constructor(entries: Readonly<Record<string, string>> = {}) {
    for (const [token, value] of Object.entries(entries)) {
      this.byToken.set(token, value);
      this.byValue.set(value, token);
    }
  }

  /** The token of `value`, minted the first time it is seen. */
  tokenFor(kind: VaultKind, value: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    const count = [...this.byToken.keys()].filter((token) => token.startsWith(`[${kind}_`)).length;
    const token = `[${kind}_${count + 1}]`;
    this.byToken.set(token, value);
    this.byValue.set(value, token);
    return token;
  }

  /** Puts the real values back where tokens of this vault stand; unknown tokens stay as written. */
  restore(text: string): string {
    return text.replace(TOKEN, (token) => this.byToken.get(token) ?? token);
  }

  get size(): number {
    return this.byToken.size;
  }

  toJSON(): Record<string, string> {
    return Object.fromEntries(this.byToken);
  }
}
