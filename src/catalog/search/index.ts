export { createSearchIndex, type SearchIndexOptions } from './search-index.js';
export { defaultSynonymGroups, loadSynonymGroups, type SynonymGroups } from './synonyms.js';
export type {
  FacetValue,
  QueryUnderstanding,
  SearchFilters,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
  SearchSort,
} from './types.js';
