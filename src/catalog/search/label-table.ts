/**
 * Integer ids for the labels that filters and facets compare: brands, categories, product types,
 * tags, option and attribute values and names. Spellings that normalize to the same key share an
 * id, so a query matches and counts integers instead of strings, and each distinct spelling is
 * normalized once for the whole catalog rather than once per product.
 */
import { normalizeText } from './analyze-text.js';

export interface Labelled {
  readonly id: number;
  /** Normalized for comparison: case, width and accents folded. */
  readonly key: string;
  /** As the merchant wrote it. */
  readonly label: string;
}

export function keyOf(text: string): string {
  return normalizeText(text).trim();
}

export class LabelTable {
  private readonly byText = new Map<string, Labelled>();
  private readonly idByKey = new Map<string, number>();
  /** The spelling a facet shows for an id: the first one the index met. */
  private readonly shown: string[] = [];
  private readonly keys: string[] = [];

  intern(text: string): Labelled {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const key = keyOf(text);
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.shown.length;
      this.idByKey.set(key, id);
      this.shown.push(text);
      this.keys.push(key);
    }
    const item = { id, key, label: text };
    this.byText.set(text, item);
    return item;
  }

  /** The id of a normalized key, if any product ever used it. */
  idOf(key: string): number | undefined {
    return this.idByKey.get(key);
  }

  /** The normalized key of an id. */
  keyOfId(id: number): string {
    return this.keys[id]!;
  }

  labelOf(id: number): string {
    return this.shown[id]!;
  }

  get size(): number {
    return this.shown.length;
  }
}
