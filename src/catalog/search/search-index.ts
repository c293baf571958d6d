/**
 * The in-memory product search index. Products are the unit of results; variants are the unit
 * of matching: text picks products (and, for option values and SKUs, the variants that carry
 * them), filters pick variants, and a product is a hit when at least one variant survives both.
 */
import { ValidationError } from '../../core/index.js';
import { localize, type Product } from '../types.js';
import { documentTerms } from './analyze-text.js';
import { CandidateBuffer } from './candidate-buffer.js';
import { CatalogColumns } from './catalog-columns.js';
import { CompiledFilters } from './compiled-filters.js';
import { createFacetCounter, type FacetCounter } from './facet-counter.js';
import { FilterPostings, PassMasks, postingKeysOf } from './filter-postings.js';
import { LabelTable } from './label-table.js';
import { type QueryNode, QueryPlanner } from './query-plan.js';
import { decodeCursor, encodeCursor, positionOf, SORTS, selectPage } from './result-order.js';
import { type ScoredProducts, ScoreScratch } from './score-scratch.js';
import { defaultSynonymGroups, type SynonymGroups, SynonymTable } from './synonyms.js';
import { TermDictionary } from './term-dictionary.js';
import { TermWeights } from './term-weights.js';
import type { FacetValue, SearchIndex, SearchQuery, SearchResult } from './types.js';

export interface SearchIndexOptions {
  /** Synonym groups used in addition to the built-in colours, sizes and genders. */
  readonly synonyms?: SynonymGroups;
  /** Leave out the built-in groups (a merchant whose words conflict with them). */
  readonly withoutDefaultSynonyms?: boolean;
  /** Locale of hit titles when the query names none. */
  readonly defaultLocale?: string;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ValidationError(`limit must be an integer from 1 to ${MAX_LIMIT}`, { limit });
  }
  return limit;
}

class MemorySearchIndex implements SearchIndex {
  private readonly dictionary = new TermDictionary();
  private readonly weights = new TermWeights(this.dictionary);
  private readonly planner: QueryPlanner;
  private readonly labels = new LabelTable();
  private readonly columns = new CatalogColumns(this.labels);
  private readonly productSlots = new Map<string, number>();
  /** Product slot → its term ids and the filter posting lists it is in. */
  private readonly termIds: number[][] = [];
  private readonly postingKeys: string[][] = [];
  private readonly availability = new Map<string, Readonly<Record<string, number>>>();
  private readonly postings = new FilterPostings();
  private readonly passMasks = new PassMasks();
  private readonly candidates = new CandidateBuffer();
  private readonly scratch = new ScoreScratch();
  private variantMasks = new Int32Array(64);
  private readonly productIdOf = (slot: number) => this.columns.products[slot]!.id;
  private readonly isLive = (slot: number, stamp: number) => this.columns.stamp[slot] === stamp;
  private readonly availabilityOf = (variantId: string) => this.availability.get(variantId);

  constructor(private readonly options: SearchIndexOptions) {
    const groups = [
      ...(options.withoutDefaultSynonyms ? [] : defaultSynonymGroups),
      ...(options.synonyms ?? []),
    ];
    this.planner = new QueryPlanner(this.dictionary, new SynonymTable(groups));
  }

  upsert(product: Product): void {
    this.remove(product.id);
    if (product.status !== 'active') return;
    const slot = this.columns.add(product, this.availabilityOf, (variantIndex) => {
      const variant = product.variants[variantIndex]!;
      const carried = [...variant.optionValues, variant.sku ?? '', variant.barcode ?? ''].join('\n');
      const termIds: number[] = [];
      for (const term of new Set(documentTerms(carried))) {
        const termId = this.dictionary.intern(term, true);
        this.dictionary.variantCarriers[termId]! += 1;
        termIds.push(termId);
      }
      return termIds;
    });
    this.productSlots.set(product.id, slot);
    this.termIds[slot] = this.weights.post(product, slot, this.columns.stamp[slot]!);
    const keys = postingKeysOf(this.columns, slot, this.labels);
    this.postingKeys[slot] = keys;
    this.postings.add(slot, keys);
  }

  remove(productId: string): void {
    const slot = this.productSlots.get(productId);
    if (slot === undefined) return;
    const columns = this.columns;
    const first = columns.variantStart[slot]!;
    for (let variant = first; variant < first + columns.variantCount[slot]!; variant += 1) {
      for (const termId of columns.variantTerms[variant]!) this.dictionary.variantCarriers[termId]! -= 1;
    }
    this.postings.remove(slot, this.postingKeys[slot]!);
    columns.remove(slot);
    for (const termId of this.termIds[slot]!) this.dictionary.postings[termId]!.removed(this.isLive);
    this.termIds[slot] = [];
    this.postingKeys[slot] = [];
    this.productSlots.delete(productId);
  }

  setAvailability(variantId: string, byLocation: Readonly<Record<string, number>>): void {
    const copy = { ...byLocation };
    this.availability.set(variantId, copy);
    const slot = this.columns.variantSlotOf(variantId);
    if (slot !== undefined) this.columns.setAvailability(slot, copy);
  }

  size(): { products: number; variants: number } {
    return { products: this.columns.productCount, variants: this.columns.variantTotal };
  }

  search(query: SearchQuery): SearchResult {
    const limit = checkLimit(query.limit);
    const sort = query.sort ?? 'relevance';
    if (!SORTS.includes(sort)) throw new ValidationError(`unknown sort "${sort}"`, { sort });
    const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
    const filters = new CompiledFilters(query.filters, this.labels);
    const facetNames = [...new Set(query.facets ?? [])];
    const facets = facetNames.map((name) => createFacetCounter(name, filters, this.labels));
    const plan = this.planner.plan(query.q ?? '');
    const understanding = {
      terms: plan.terms,
      ...(Object.keys(plan.corrected).length > 0 ? { corrected: plan.corrected } : {}),
      ...(plan.ignored.length > 0 ? { ignored: plan.ignored } : {}),
    };

    let scores: ScoredProducts | undefined;
    let variantClauses: QueryNode[] = [];
    if (plan.clauses.length > 0) {
      scores = this.evaluate({ kind: 'all', children: plan.clauses });
      variantClauses = plan.clauses.filter((clause) => this.namesVariants(clause));
    } else if (plan.ignored.length > 0) {
      scores = { slots: [], scores: [] };
    }

    const candidates = this.collect(scores, variantClauses, filters, facets);
    const { page, hasMore } = selectPage(candidates, sort, after, limit, this.productIdOf);
    const locale = query.locale ?? this.options.defaultLocale ?? 'en';
    const hits = page.map((index) => {
      const slot = candidates.slots[index]!;
      const product = this.columns.products[slot]!;
      const first = this.columns.variantStart[slot]!;
      const variants = candidates
        .matchedOf(index)
        .map((variantSlot) => product.variants[variantSlot - first]!);
      const cheapest = variants.find((variant) => variant.price.amount === candidates.prices[index])!;
      return {
        productId: product.id,
        score: candidates.scores[index]!,
        matchedVariantIds: variants.map((variant) => variant.id),
        priceFrom: cheapest.price,
        title: localize(product.title, locale),
      };
    });
    const last = page.at(-1);
    const facetValues: Record<string, FacetValue[]> = {};
    facetNames.forEach((name, index) => {
      facetValues[name] = facets[index]!.values();
    });
    return {
      hits,
      total: candidates.count,
      nextCursor:
        hasMore && last !== undefined
          ? encodeCursor(sort, positionOf(sort, candidates, last, this.productIdOf))
          : null,
      facets: facetValues,
      query: understanding,
    };
  }

  /**
   * Matches the candidates' variants against the filters, feeding the facet counters on the way.
   * Product filters are read from posting lists first, so a filtered browse visits only the
   * products that fail at most one filter, and that one the field of a requested facet.
   */
  private collect(
    scores: ScoredProducts | undefined,
    variantClauses: readonly QueryNode[],
    filters: CompiledFilters,
    facets: readonly FacetCounter[],
  ): CandidateBuffer {
    const candidates = this.candidates;
    candidates.reset();
    const columns = this.columns;
    let facetBits = 0;
    for (const facet of facets) facetBits |= facet.ownBit;
    const productBits = filters.productBits;
    const passMasks = this.passMasks;
    if (productBits !== 0) passMasks.fill(filters.productFilters, this.postings, columns.productSlotEnd);
    const optionPositions: number[] = [];
    const textAllowed: boolean[] = [];
    const filtersVariants = filters.filtersVariants;
    const stock = filters.stockColumn(columns);
    const { variantStart, variantCount, price, inStock, createdAt, minPrice, inStockCount } = columns;

    const visit = (slot: number, score: number) => {
      const productMask = productBits === 0 ? 0 : passMasks.failed(slot, productBits);
      if (productMask !== 0 && ((productMask & (productMask - 1)) !== 0 || (productMask & facetBits) === 0)) {
        return;
      }
      if (filtersVariants) filters.optionPositions(columns, slot, optionPositions);
      const restricted =
        variantClauses.length > 0 && this.restrictVariants(slot, variantClauses, textAllowed);
      const first = variantStart[slot]!;
      const count = variantCount[slot]!;
      if (this.variantMasks.length < count) this.variantMasks = new Int32Array(count * 2);
      const masks = this.variantMasks;
      candidates.begin();
      if (!filtersVariants && !restricted) {
        // Every variant shares the product's mask, so the product's own aggregates answer.
        for (let index = 0; index < count; index += 1) masks[index] = productMask;
        for (const facet of facets) facet.countProduct(columns, slot, masks);
        if (productMask !== 0) return;
        candidates.addMatchedRange(first, count);
        candidates.end(slot, score, minPrice[slot]!, createdAt[slot]!, inStockCount[slot]! > 0);
        return;
      }
      let priceFrom = Number.POSITIVE_INFINITY;
      let anyInStock = false;
      for (let index = 0; index < count; index += 1) {
        const variant = first + index;
        const mask =
          restricted && !textAllowed[index]
            ? -1
            : filtersVariants
              ? productMask | filters.variantMask(columns, variant, optionPositions, stock)
              : productMask;
        masks[index] = mask;
        if (mask === 0) {
          candidates.addMatchedVariant(variant);
          const variantPrice = price[variant]!;
          if (variantPrice < priceFrom) priceFrom = variantPrice;
          if (inStock[variant] === 1) anyInStock = true;
        }
      }
      for (const facet of facets) facet.countProduct(columns, slot, masks);
      candidates.end(slot, score, priceFrom, createdAt[slot]!, anyInStock);
    };

    if (scores !== undefined) {
      for (let index = 0; index < scores.slots.length; index += 1) {
        visit(scores.slots[index]!, scores.scores[index]!);
      }
    } else if (productBits !== 0 && (productBits & ((productBits - 1) | ~facetBits)) !== 0) {
      // Every candidate passes at least one product filter: with two or more filters it fails at
      // most one, and a single filter that no facet relaxes must pass.
      for (const slot of passMasks.touched) visit(slot, 0);
    } else {
      const end = columns.productSlotEnd;
      for (let slot = 0; slot < end; slot += 1) if (columns.products[slot] !== undefined) visit(slot, 0);
    }
    return candidates;
  }

  /**
   * When query words name option values or SKUs ("26", "black"), only the variants that carry
   * them match, provided the product has any; otherwise the words matched elsewhere and every
   * variant stays. Fills `allowed` by variant position and says whether it applies.
   */
  private restrictVariants(slot: number, clauses: readonly QueryNode[], allowed: boolean[]): boolean {
    if (clauses.length === 0) return false;
    const first = this.columns.variantStart[slot]!;
    const count = this.columns.variantCount[slot]!;
    allowed.length = count;
    allowed.fill(true);
    let restricted = false;
    for (const clause of clauses) {
      const carriers = Array.from({ length: count }, (_, index) =>
        carries(this.columns.variantTerms[first + index]!, clause),
      );
      if (!carriers.includes(true)) continue;
      restricted = true;
      carriers.forEach((carries, index) => {
        if (!carries) allowed[index] = false;
      });
    }
    return restricted;
  }

  /** Whether any term of the clause is an option value or SKU of some variant. */
  private namesVariants(node: QueryNode): boolean {
    if (node.kind === 'terms')
      return node.terms.some(({ termId }) => this.dictionary.variantCarriers[termId]! > 0);
    return node.children.some((child) => this.namesVariants(child));
  }

  /** Products and scores: field weight × inverse document frequency × how the term was reached. */
  private evaluate(node: QueryNode): ScoredProducts {
    const size = this.columns.productSlotEnd;
    if (node.kind === 'terms') {
      const productCount = this.productSlots.size;
      const stampOf = this.columns.stamp;
      const lists = node.terms.map(({ termId, boost }) => {
        const { slots, weights, stamps, live } = this.dictionary.postings[termId]!;
        const weight = Math.log(1 + productCount / Math.max(1, live)) * boost;
        const found: ScoredProducts = { slots: [], scores: [] };
        for (let index = 0; index < slots.length; index += 1) {
          const slot = slots[index]!;
          if (stampOf[slot] !== stamps[index]) continue;
          found.slots.push(slot);
          found.scores.push(weights[index]! * weight);
        }
        return found;
      });
      return lists.length === 1 ? lists[0]! : this.scratch.union(lists, size);
    }
    const parts = node.children.map((child) => this.evaluate(child));
    return node.kind === 'any' ? this.scratch.union(parts, size) : this.scratch.intersection(parts, size);
  }
}

/** Whether a variant's own terms (option values, SKU) satisfy a clause on their own. */
function carries(termIds: readonly number[], node: QueryNode): boolean {
  if (node.kind === 'terms') return node.terms.some(({ termId }) => termIds.includes(termId));
  if (node.kind === 'all') return node.children.every((child) => carries(termIds, child));
  return node.children.some((child) => carries(termIds, child));
}

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  return new MemorySearchIndex(options);
}
