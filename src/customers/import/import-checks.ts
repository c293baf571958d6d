/**
 * What an import has already accepted from the file, so the same customer, email or order
 * number twice in one file is reported on the later line instead of silently merged.
 */
export class ImportChecks {
  private readonly externalIds = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly orderNumbers = new Set<string>();

  /** The reason this record repeats an earlier one, or undefined. */
  repeated(record: {
    externalId: string;
    emailKey: string | null;
    orderNumbers: readonly string[];
  }): { code: string; reason: string } | undefined {
    if (this.externalIds.has(record.externalId)) {
      return {
        code: 'duplicate_customer',
        reason: `customer ${record.externalId} appears earlier in the file`,
      };
    }
    if (record.emailKey !== null && this.emails.has(record.emailKey)) {
      return { code: 'email_taken', reason: 'an earlier customer in the file has the same email' };
    }
    const seen = new Set<string>();
    for (const number of record.orderNumbers) {
      if (this.orderNumbers.has(number) || seen.has(number)) {
        return { code: 'duplicate_order_number', reason: `order ${number} appears earlier in the file` };
      }
      seen.add(number);
    }
    return undefined;
  }

  accept(record: { externalId: string; emailKey: string | null; orderNumbers: readonly string[] }): void {
    this.externalIds.add(record.externalId);
    if (record.emailKey !== null) this.emails.add(record.emailKey);
    for (const number of record.orderNumbers) this.orderNumbers.add(number);
  }
}
