/**
 * Catalog tables (migration 0002). JSON columns are text; money columns are integer minor units
 * in the variant's `currency`; timestamps are epoch milliseconds.
 */
export interface ProductsTable {
  id: string;
  /** The merchant's stable key; unique. */
  handle: string;
  status: 'active' | 'draft' | 'archived';
  /** JSON: locale → text. */
  title: string;
  /** JSON: locale → text. */
  description: string;
  brand: string | null;
  /** JSON: string[] from broad to narrow. */
  category_path: string;
  product_type: string | null;
  /** JSON: string[]. */
  tags: string;
  /** JSON: name → string | string[]. */
  attributes: string;
  /** JSON: { name, localizedName?, values }[]. */
  options: string;
  /** JSON: { url, alt?, position }[]. */
  images: string;
  created_at: number;
  updated_at: number;
}

export interface VariantsTable {
  id: string;
  product_id: string;
  /** Unique across the catalog when present. */
  sku: string | null;
  barcode: string | null;
  position: number;
  /** JSON: string[] in the order of the product's options. */
  option_values: string;
  price: number;
  compare_at_price: number | null;
  cost: number | null;
  currency: string;
  weight_grams: number | null;
  image_url: string | null;
  created_at: number;
  updated_at: number;
}

export interface CatalogTables {
  products: ProductsTable;
  variants: VariantsTable;
}
