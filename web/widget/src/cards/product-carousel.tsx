import { useRef } from 'react';
import type { ProductCardItem } from '../api/types.js';
import { ChevronIcon } from '../components/icons.js';
import { useStrings } from '../i18n/index.js';
import { ProductCard } from './product-card.js';

/** One product fills the bubble's width; several scroll sideways with buttons for those without a touchpad. */
export function ProductCarousel({ items, latest }: { items: readonly ProductCardItem[]; latest: boolean }) {
  const { t } = useStrings();
  const track = useRef<HTMLUListElement>(null);
  if (items.length === 1 && items[0] !== undefined) {
    return (
      <div className="aisle-products-single">
        <ProductCard item={items[0]} position={0} inLatestList={latest} />
      </div>
    );
  }
  const scroll = (direction: 1 | -1) => {
    const element = track.current;
    if (element === null) return;
    element.scrollBy({ left: direction * (element.clientWidth * 0.8), behavior: 'smooth' });
  };
  return (
    <div className="aisle-carousel">
      <ul ref={track} className="aisle-carousel-track" aria-label={t.productsLabel}>
        {items.map((item, position) => (
          <li key={item.productId} className="aisle-carousel-item">
            <ProductCard item={item} position={position} inLatestList={latest} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="aisle-carousel-nav aisle-carousel-prev"
        aria-label={t.previous}
        onClick={() => scroll(-1)}
      >
        <ChevronIcon direction="left" />
      </button>
      <button
        type="button"
        className="aisle-carousel-nav aisle-carousel-next"
        aria-label={t.next}
        onClick={() => scroll(1)}
      >
        <ChevronIcon direction="right" />
      </button>
    </div>
  );
}
