/**
 * Stock per variant and location, with the low-stock flag the inventory service sets (below
 * AISLE_LOW_STOCK), filterable by product or SKU and to low stock only.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import type { Availability, Location, Product, StockLevel } from '../api/types.js';
import { ErrorNotice, Loading } from '../components/feedback.js';
import { formatNumber, localized } from '../format.js';
import { useLanguage } from '../i18n/index.js';
import { useResource } from '../use-resource.js';

const PRODUCT_PAGE = 200;
// A first look for people, not an export: larger catalogs are better read through the API.
const MAX_PRODUCTS = 2000;
// Variant ids per request, so the query string stays well inside URL limits.
const ID_BATCH = 200;

interface Row {
  readonly product: Product;
  readonly variantId: string;
  readonly variantTitle: string;
  readonly sku: string | null;
  readonly levels: ReadonlyMap<string, StockLevel>;
  readonly availability: Availability | undefined;
}

async function inBatches<T>(
  ids: readonly string[],
  load: (batch: readonly string[]) => Promise<{ items: T[] }>,
) {
  const batches: (readonly string[])[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) batches.push(ids.slice(i, i + ID_BATCH));
  return (await Promise.all(batches.map(load))).flatMap((result) => result.items);
}

async function loadInventory(language: string) {
  const products: Product[] = [];
  let cursor: string | null = null;
  do {
    const page = await api.products({ cursor, limit: PRODUCT_PAGE, locale: language });
    products.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && products.length < MAX_PRODUCTS);
  const variantIds = products.flatMap((p) => p.variants.map((v) => v.id));
  const [locations, levels, availability] = await Promise.all([
    api.locations(),
    inBatches(variantIds, api.levels),
    inBatches(variantIds, api.availability),
  ]);
  const levelsByVariant = new Map<string, Map<string, StockLevel>>();
  for (const level of levels) {
    const byLocation = levelsByVariant.get(level.variantId) ?? new Map<string, StockLevel>();
    byLocation.set(level.locationId, level);
    levelsByVariant.set(level.variantId, byLocation);
  }
  const availabilityByVariant = new Map(availability.map((a) => [a.variantId, a]));
  const rows: Row[] = products.flatMap((product) =>
    product.variants.map((variant) => ({
      product,
      variantId: variant.id,
      variantTitle: variant.title,
      sku: variant.sku,
      levels: levelsByVariant.get(variant.id) ?? new Map(),
      availability: availabilityByVariant.get(variant.id),
    })),
  );
  return {
    rows,
    locations: locations.items.filter((l) => l.active),
    truncated: cursor !== null,
  };
}

function stockState(row: Row): 'out' | 'low' | 'ok' {
  if (!row.availability || row.availability.available <= 0) return 'out';
  return row.availability.lowStock ? 'low' : 'ok';
}

export function InventoryPage() {
  const { t, language } = useLanguage();
  const inventory = useResource(useCallback(() => loadInventory(language), [language]));
  const [filter, setFilter] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const ids = { filter: useId(), low: useId() };

  useEffect(() => {
    document.title = `${t('inventory.title')} · Aisle`;
  }, [t]);

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (inventory.data?.rows ?? []).filter(
      (row) =>
        (!lowOnly || stockState(row) !== 'ok') &&
        (needle === '' ||
          row.product.title.toLowerCase().includes(needle) ||
          (row.sku ?? '').toLowerCase().includes(needle)),
    );
  }, [inventory.data, filter, lowOnly]);

  if (inventory.error) return <ErrorNotice error={inventory.error} onRetry={inventory.reload} />;
  if (inventory.data === undefined) return <Loading />;
  const { locations } = inventory.data;
  const all = inventory.data.rows;
  const count = (state: 'low' | 'out') => all.filter((row) => stockState(row) === state).length;

  return (
    <div className="page">
      <h1>{t('inventory.title')}</h1>
      <p className="muted">
        {t('inventory.summary', {
          variants: formatNumber(all.length, language),
          locations: locations.length,
          low: formatNumber(count('low'), language),
          out: formatNumber(count('out'), language),
        })}
      </p>
      {inventory.data.truncated && (
        <p className="notice">{t('inventory.truncated', { count: formatNumber(MAX_PRODUCTS, language) })}</p>
      )}
      <div className="toolbar">
        <label htmlFor={ids.filter}>{t('inventory.filter')}</label>
        <input
          id={ids.filter}
          type="search"
          className="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <label className="checkbox" htmlFor={ids.low}>
          <input
            id={ids.low}
            type="checkbox"
            checked={lowOnly}
            onChange={(event) => setLowOnly(event.target.checked)}
          />
          {t('inventory.lowOnly')}
        </label>
      </div>
      <section className="panel">
        {rows.length === 0 ? (
          <p className="empty">{t('inventory.empty')}</p>
        ) : (
          <StockTable rows={rows} locations={locations} />
        )}
      </section>
    </div>
  );
}

function StockTable({ rows, locations }: { rows: Row[]; locations: Location[] }) {
  const { t, language } = useLanguage();
  return (
    <div className="table-wrap">
      <table className="stock-table">
        <thead>
          <tr>
            <th scope="col">{t('inventory.variant')}</th>
            <th scope="col">{t('inventory.sku')}</th>
            {locations.map((location) => (
              <th scope="col" key={location.id} className="number">
                {localized(location.name, language)}
              </th>
            ))}
            <th scope="col" className="number">
              {t('inventory.total')}
            </th>
            <th scope="col">{t('catalog.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const state = stockState(row);
            return (
              <tr key={row.variantId} className={state === 'ok' ? undefined : `row-${state}`}>
                <td>
                  <span className="product-title">{row.product.title}</span>
                  {row.variantTitle !== row.product.title && (
                    <span className="muted small"> {row.variantTitle}</span>
                  )}
                </td>
                <td>
                  <code>{row.sku ?? '–'}</code>
                </td>
                {locations.map((location) => {
                  const level = row.levels.get(location.id);
                  return (
                    <td
                      key={location.id}
                      className="number"
                      title={
                        level
                          ? t('inventory.onHand', { onHand: level.onHand, reserved: level.reserved })
                          : undefined
                      }
                    >
                      {level ? formatNumber(level.available, language) : '–'}
                    </td>
                  );
                })}
                <td className="number strong">{formatNumber(row.availability?.available ?? 0, language)}</td>
                <td>
                  <span className={`badge badge-stock-${state}`}>{t(`inventory.${state}`)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
