import { useId, useState } from 'react';
import type { ProductCardItem } from '../api/types.js';
import { useWidget } from '../components/widget-context.js';
import { formatMoney } from '../format/money.js';
import { useStrings } from '../i18n/index.js';
import {
  choosableOptions,
  describeSelection,
  initialSelection,
  missingOptions,
  type Selection,
  selectedVariant,
  selectionValues,
  valueAvailable,
} from './variant-selection.js';

const LOW_STOCK_SHOWN_UNDER = 6;
/** Few values read best as buttons; a long run of sizes takes less room as a list. */
const CHIPS_UP_TO = 5;

type Option = ProductCardItem['options'][number];

interface OptionPickerProps {
  readonly item: ProductCardItem;
  readonly option: Option;
  readonly selection: Selection;
  readonly onChoose: (name: string, value: string) => void;
}

function OptionChips({ item, option, selection, onChoose }: OptionPickerProps) {
  const { t } = useStrings();
  return (
    <fieldset className="aisle-option">
      <legend>{option.name}</legend>
      <div className="aisle-option-values">
        {option.values.map((value) => {
          const available = valueAvailable(item, selection, option.name, value);
          return (
            <button
              key={value}
              type="button"
              className="aisle-option-value"
              aria-pressed={selection[option.name] === value}
              aria-label={
                available ? `${option.name} ${value}` : `${option.name} ${value}, ${t.unavailableCombination}`
              }
              disabled={!available}
              onClick={() => onChoose(option.name, value)}
            >
              {value}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function OptionSelect({ item, option, selection, onChoose }: OptionPickerProps) {
  const { t } = useStrings();
  const id = useId();
  return (
    <div className="aisle-option">
      <label htmlFor={id}>{option.name}</label>
      <select
        id={id}
        value={selection[option.name] ?? ''}
        onChange={(event) => onChoose(option.name, event.target.value)}
      >
        <option value="" disabled>
          {t.chooseOption(option.name)}
        </option>
        {option.values.map((value) => {
          const available = valueAvailable(item, selection, option.name, value);
          return (
            <option key={value} value={value} disabled={!available}>
              {available ? value : `${value} — ${t.unavailableCombination}`}
            </option>
          );
        })}
      </select>
    </div>
  );
}

interface ProductCardProps {
  readonly item: ProductCardItem;
  /** Its place in the list, and whether that list is the one the assistant showed last. */
  readonly position: number;
  readonly inLatestList: boolean;
}

export function ProductCard({ item, position, inLatestList }: ProductCardProps) {
  const { t, locale } = useStrings();
  const { conversation, carts, resolveUrl } = useWidget();
  const [selection, setSelection] = useState<Selection>(() => initialSelection(item));
  const [adding, setAdding] = useState(false);
  const [addFailed, setAddFailed] = useState(false);
  const variant = selectedVariant(item, selection);
  const price = variant?.price ?? item.price;
  const options = choosableOptions(item);
  const missing = missingOptions(item, selection);
  const soldOut = item.stock.status === 'out_of_stock' || (variant !== null && variant.available <= 0);
  const titleId = `aisle-product-${item.productId}`;
  const onSale = item.compareAtPrice !== null && item.compareAtPrice.amount > price.amount;

  const choose = (name: string, value: string) => setSelection({ ...selection, [name]: value });

  /**
   * The first item goes through the assistant, which creates the session's cart: by the product's
   * place in the list it showed last (as its own suggestions do), else by name. Once there is a
   * cart, the chosen variant is added exactly, through the cart API.
   */
  const add = async () => {
    if (variant === null || soldOut) return;
    const cart = conversation.shopper?.cart ?? null;
    const options = describeSelection(item, selection);
    if (cart === null) {
      void conversation.send(
        inLatestList ? t.addShownMessage(position, options) : t.addNamedMessage(item.title, options),
      );
      return;
    }
    setAdding(true);
    setAddFailed(false);
    try {
      const { quote } = await carts.addLine(cart, variant.variantId, 1);
      const itemCount = quote.lines.reduce((sum, line) => sum + line.quantity, 0);
      conversation.setCart({ ...cart, itemCount, total: quote.total });
      conversation.addLocal(t.addedNote(item.title, selectionValues(item, selection)), [
        { type: 'cart', cartId: cart.cartId, itemCount, total: quote.total },
      ]);
    } catch {
      setAddFailed(true);
    } finally {
      setAdding(false);
    }
  };

  return (
    <article className="aisle-product" aria-labelledby={titleId}>
      <div className="aisle-product-media">
        {item.imageUrl !== null && <img src={resolveUrl(item.imageUrl)} alt="" loading="lazy" />}
        {onSale && item.compareAtPrice !== null && (
          <span className="aisle-sale-flag">
            -{Math.round((1 - price.amount / item.compareAtPrice.amount) * 100)}%
          </span>
        )}
      </div>
      <div className="aisle-product-body">
        {item.brand !== null && <p className="aisle-brand">{item.brand}</p>}
        <h3 id={titleId} className="aisle-product-title">
          {item.title}
        </h3>
        <p className="aisle-price-row">
          <span className={onSale ? 'aisle-price aisle-price-sale' : 'aisle-price'}>
            {formatMoney(price, locale)}
          </span>
          {onSale && item.compareAtPrice !== null && (
            <s className="aisle-compare-at">
              <span className="aisle-visually-hidden">{t.was} </span>
              {formatMoney(item.compareAtPrice, locale)}
            </s>
          )}
        </p>
        <ul className="aisle-badges">
          {item.badges.map((badge) => (
            <li key={badge} className="aisle-badge aisle-badge-promo">
              {badge}
            </li>
          ))}
          <StockBadge item={item} available={variant?.available ?? item.stock.available} />
          {item.stock.pickupToday.slice(0, 1).map((place) => (
            <li key={place} className="aisle-badge aisle-badge-pickup">
              {t.pickupToday(place)}
            </li>
          ))}
        </ul>
        {item.reason !== undefined && <p className="aisle-reason">{item.reason}</p>}
        {options.map((option) =>
          option.values.length > CHIPS_UP_TO ? (
            <OptionSelect
              key={option.name}
              item={item}
              option={option}
              selection={selection}
              onChoose={choose}
            />
          ) : (
            <OptionChips
              key={option.name}
              item={item}
              option={option}
              selection={selection}
              onChoose={choose}
            />
          ),
        )}
        <button
          type="button"
          className="aisle-primary aisle-add"
          onClick={() => void add()}
          disabled={variant === null || soldOut || conversation.busy || adding}
        >
          {soldOut
            ? t.soldOut
            : missing.length > 0
              ? t.chooseFirst(missing.join(', '))
              : adding
                ? t.adding
                : t.addToCart}
        </button>
        {addFailed && (
          <p className="aisle-field-error" role="alert">
            {t.addFailed}
          </p>
        )}
      </div>
    </article>
  );
}

function StockBadge({ item, available }: { item: ProductCardItem; available: number }) {
  const { t } = useStrings();
  if (item.stock.status === 'out_of_stock' || available <= 0) {
    return <li className="aisle-badge aisle-badge-out">{t.outOfStock}</li>;
  }
  if (item.stock.status === 'low_stock' || available < LOW_STOCK_SHOWN_UNDER) {
    return <li className="aisle-badge aisle-badge-low">{t.onlyLeft(available)}</li>;
  }
  return <li className="aisle-badge aisle-badge-stock">{t.inStock}</li>;
}
