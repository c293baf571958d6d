/**
 * The catalog: products page by page, or the search index's best matches for a query (the
 * same search shoppers and the assistant use), each with brand, category, variants and price.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Product } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { formatMoney, formatNumber } from '../format.js';
import { useLanguage } from '../i18n/index.js';
import { useResource } from '../use-resource.js';

const PAGE_SIZE = 50;
// Search hits carry a title and a price only; the rows need the product, one request each.
const SEARCH_ROWS = 20;
const TYPING_MS = 250;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function CatalogPage() {
  const { t, language } = useLanguage();
  const [input, setInput] = useState('');
  const query = useDebounced(input.trim(), TYPING_MS);
  const searchId = useId();

  useEffect(() => {
    document.title = `${t('catalog.title')} · Aisle`;
  }, [t]);

  return (
    <div className="page">
      <h1>{t('catalog.title')}</h1>
      <div className="toolbar">
        <label htmlFor={searchId}>{t('catalog.search')}</label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder={t('catalog.searchPlaceholder')}
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
      </div>
      {query === '' ? (
        <ProductPages language={language} />
      ) : (
        <SearchResults query={query} language={language} />
      )}
    </div>
  );
}

function ProductPages({ language }: { language: string }) {
  const { t } = useLanguage();
  const [pages, setPages] = useState<{ items: Product[]; cursor: string | null; done: boolean }>({
    items: [],
    cursor: null,
    done: false,
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  // A page asked for in the previous language must not land after the switch.
  const generation = useRef(0);
  const loadMore = useCallback(
    async (from: { items: Product[]; cursor: string | null }) => {
      const mine = ++generation.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api.products({ cursor: from.cursor, limit: PAGE_SIZE, locale: language });
        if (mine !== generation.current) return;
        setPages({
          items: [...from.items, ...page.items],
          cursor: page.nextCursor,
          done: page.nextCursor === null,
        });
      } catch (caught) {
        if (mine === generation.current) setError(caught as Error);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [language],
  );
  useEffect(() => {
    void loadMore({ items: [], cursor: null });
  }, [loadMore]);

  return (
    <section className="panel" aria-live="polite">
      <p className="muted small">
        {t('catalog.shown', { count: formatNumber(pages.items.length, language) })}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => loadMore(pages)} />}
      <ProductTable products={pages.items} />
      {loading ? (
        <Loading />
      ) : (
        !pages.done && (
          <button type="button" className="button" onClick={() => loadMore(pages)}>
            {t('catalog.loadMore')}
          </button>
        )
      )}
    </section>
  );
}

function SearchResults({ query, language }: { query: string; language: string }) {
  const { t } = useLanguage();
  const results = useResource(
    useCallback(async () => {
      const found = await api.search(query, language);
      const products = await Promise.all(
        found.hits.slice(0, SEARCH_ROWS).map((hit) => api.product(hit.productId, language)),
      );
      return { total: found.total, products };
    }, [query, language]),
  );
  if (results.error) return <ErrorNotice error={results.error} onRetry={results.reload} />;
  if (results.data === undefined) return <Loading />;
  return (
    <section className="panel" aria-live="polite">
      <p className="muted small">
        {t('catalog.results', { count: formatNumber(results.data.total, language) })}
      </p>
      <ProductTable products={results.data.products} />
    </section>
  );
}

function ProductTable({ products }: { products: Product[] }) {
  const { t, language } = useLanguage();
  if (products.length === 0) return <p className="empty">{t('catalog.empty')}</p>;
  const price = (product: Product) => {
    const { min, max } = product.priceRange;
    return min.amount === max.amount
      ? formatMoney(min, language)
      : `${formatMoney(min, language)} – ${formatMoney(max, language)}`;
  };
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('catalog.product')}</th>
            <th scope="col">{t('catalog.brand')}</th>
            <th scope="col">{t('catalog.category')}</th>
            <th scope="col" className="number">
              {t('catalog.variants')}
            </th>
            <th scope="col" className="number">
              {t('catalog.price')}
            </th>
            <th scope="col">{t('catalog.status')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((product) => (
            <tr key={product.id}>
              <td>
                <div className="product-cell">
                  {product.images[0] ? (
                    <img src={product.images[0].url} alt="" className="thumb" loading="lazy" />
                  ) : (
                    <span className="thumb" aria-hidden="true" />
                  )}
                  <span>
                    <span className="product-title">{product.title}</span>
                    <span className="muted small">{product.handle}</span>
                  </span>
                </div>
              </td>
              <td>{product.brand ?? '–'}</td>
              <td>{product.categoryPath.join(' › ')}</td>
              <td className="number">{product.variants.length}</td>
              <td className="number">{price(product)}</td>
              <td>
                <span className={`badge badge-product-${product.status}`}>{product.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
