export type CustomerImportInput = string | AsyncIterable<string | Uint8Array>;

export interface CustomerImportIssue {
  /** 1-based line of the record in the NDJSON input. */
  readonly line: number;
  /** The merchant's customer id, when the record got far enough to have one. */
  readonly externalId?: string;
  readonly code: string;
  readonly reason: string;
}

export interface CustomerImportSummary {
  /** Non-blank lines read. */
  readonly records: number;
  readonly created: number;
  readonly updated: number;
  /** Records that wrote nothing because they were bad (or, in strict mode, every record). */
  readonly skipped: number;
  readonly orders: { readonly created: number; readonly unchanged: number };
  readonly giftCards: { readonly issued: number; readonly linked: number };
  readonly errorCount: number;
  /** The first 1,000 issues; `errorCount` counts them all. */
  readonly errors: readonly CustomerImportIssue[];
  /** Strict mode found bad records and imported nothing. */
  readonly rejected: boolean;
}
