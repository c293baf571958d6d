import type { PromotionDocument } from '../rules/index.js';
import type { StoredPromotion } from './types.js';

export interface PromotionRow {
  id: string;
  version: number;
  latest_version: number;
  status: StoredPromotion['status'];
  document: string;
  version_created_at: number;
  created_at: number;
  uses: number | null;
  spent: number | null;
}

export function toStoredPromotion(row: PromotionRow): StoredPromotion {
  const document = JSON.parse(row.document) as PromotionDocument;
  return {
    id: row.id,
    version: row.version,
    latestVersion: row.latest_version,
    status: row.status,
    name: document.name,
    document,
    versionCreatedAt: row.version_created_at,
    createdAt: row.created_at,
    usage: { uses: row.uses ?? 0, spent: row.spent ?? 0 },
  };
}

/** The codes a document answers to, as the engine compares them. */
export function codesOf(document: PromotionDocument): string[] {
  return [...new Set((document.codes ?? []).map((code) => code.trim().toUpperCase()))];
}
