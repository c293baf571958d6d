import type { Card } from '../api/types.js';
import { CartCard } from './cart-card.js';
import { CheckoutCard } from './checkout-card.js';
import { ConfirmationCard } from './confirmation-card.js';
import { OrderCard } from './order-card.js';
import { PaymentChallengeCard } from './payment-challenge-card.js';
import { ProductCarousel } from './product-carousel.js';

/**
 * One card of an assistant reply, drawn by its type. `latest` marks the products the assistant
 * showed last; `current` marks a card of the conversation's last message.
 */
export function CardView({ card, latest, current }: { card: Card; latest: boolean; current: boolean }) {
  switch (card.type) {
    case 'products':
      return <ProductCarousel items={card.items} latest={latest} />;
    case 'cart':
      return <CartCard itemCount={card.itemCount} total={card.total} />;
    case 'checkout':
      return <CheckoutCard card={card} />;
    case 'payment-challenge':
      return <PaymentChallengeCard url={card.url} />;
    case 'confirmation':
      return <ConfirmationCard summary={card.summary} open={current} />;
    case 'order':
      return <OrderCard number={card.number} status={card.status} />;
  }
}
