/** Why an import record was not imported; reported with its line, never thrown past the import. */
export class RecordRejected extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly externalId?: string,
  ) {
    super(reason);
    this.name = 'RecordRejected';
  }
}
