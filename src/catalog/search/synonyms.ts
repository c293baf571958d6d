/**
 * Synonym groups: every entry of a group finds the others, in both directions and across
 * languages (`['jacket', '外套', 'coat']`). Entries may be phrases ("rain jacket"); they are
 * analyzed like any text, so "Jackets" in a query matches the group entry "jacket".
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ValidationError } from '../../core/index.js';
import { analyzeWords, type Word } from './analyze-text.js';

export type SynonymGroups = readonly (readonly string[])[];

/**
 * Generic cross-language shopping words (English, Traditional and Simplified Chinese): colours,
 * sizes and who a product is for. Nothing here belongs to one kind of shop.
 */
export const defaultSynonymGroups: SynonymGroups = [
  ['black', '黑色', '黑'],
  ['white', '白色', '白'],
  ['grey', 'gray', '灰色', '灰'],
  ['red', '紅色', '红色', '紅'],
  ['blue', '藍色', '蓝色', '藍'],
  ['navy', '深藍色', '深蓝色', '海軍藍', '海军蓝'],
  ['green', '綠色', '绿色', '綠'],
  ['yellow', '黃色', '黄色', '黃'],
  ['orange', '橘色', '橙色'],
  ['pink', '粉紅色', '粉红色', '粉色'],
  ['purple', '紫色'],
  ['brown', '棕色', '咖啡色'],
  ['beige', '米色', '卡其色'],
  ['gold', '金色'],
  ['silver', '銀色', '银色'],
  ['small', 's', '小號', '小号'],
  ['medium', 'm', '中號', '中号'],
  ['large', 'l', '大號', '大号'],
  ['extra large', 'xl', '加大'],
  ['women', 'womens', 'ladies', '女', '女款', '女性', '女用'],
  ['men', 'mens', '男', '男款', '男性', '男用'],
  ['kids', 'children', '兒童', '儿童', '童'],
  ['unisex', '中性'],
];

const synonymFileSchema = z.array(z.array(z.string().min(1)).min(2));

/** Reads synonym groups from a JSON file holding an array of arrays of strings. */
export function loadSynonymGroups(path: string): SynonymGroups {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ValidationError(`cannot read synonym file ${path}: ${(cause as Error).message}`, { path });
  }
  const result = synonymFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new ValidationError(`synonym file ${path} must hold an array of arrays of at least two strings`, {
      path,
    });
  }
  return result.data;
}

export interface SynonymMatch {
  /** How many query words the matched entry covers. */
  readonly length: number;
  /** The other entries of every group the words belong to, as analyzed words. */
  readonly alternatives: readonly (readonly Word[])[];
}

function keyOf(words: readonly Word[]): string {
  return words.map((word) => word.key).join(' ');
}

export class SynonymTable {
  private readonly alternativesByKey = new Map<string, Word[][]>();
  private longest = 1;

  constructor(groups: SynonymGroups) {
    for (const group of groups) {
      const entries = group.map((entry) => analyzeWords(entry)).filter((words) => words.length > 0);
      for (const entry of entries) {
        const key = keyOf(entry);
        this.longest = Math.max(this.longest, entry.length);
        const others = entries.filter((other) => keyOf(other) !== key);
        const known = this.alternativesByKey.get(key) ?? [];
        for (const other of others) {
          if (!known.some((words) => keyOf(words) === keyOf(other))) known.push(other);
        }
        this.alternativesByKey.set(key, known);
      }
    }
  }

  /** The longest synonym entry that starts at `start` in the query words. */
  match(words: readonly Word[], start: number): SynonymMatch | undefined {
    for (let length = Math.min(this.longest, words.length - start); length >= 1; length -= 1) {
      const alternatives = this.alternativesByKey.get(keyOf(words.slice(start, start + length)));
      if (alternatives !== undefined && alternatives.length > 0) return { length, alternatives };
    }
    return undefined;
  }
}
