/** One Merchant Center item as read from TSV or XML: attribute name (without `g:`) → values. */
export interface GmcRecord {
  readonly line: number;
  readonly fields: ReadonlyMap<string, readonly string[]>;
}

/** `g:Price`, ` price ` → `price`. */
export function gmcAttributeName(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/^g:/, '');
}

export function firstValue(record: GmcRecord, name: string): string {
  for (const value of record.fields.get(name) ?? []) {
    const trimmed = value.trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

export function allValues(record: GmcRecord, name: string): string[] {
  return (record.fields.get(name) ?? []).map((value) => value.trim()).filter((value) => value !== '');
}
