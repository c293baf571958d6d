/**
 * The demo store's order history as a plan: who bought what, how they paid, and how far each
 * order has gone, so every order state is there to look at. Items are named by product handle
 * and option values, so the plan reads like a receipt and survives a reseeded catalog.
 */
import type { OrderStatus } from '../../orders/index.js';

export interface DemoItem {
  readonly handle: string;
  readonly options: readonly string[];
}

export interface DemoOrderLine extends DemoItem {
  readonly quantity: number;
}

export interface DemoOrder {
  /** Stable key: the checkout's idempotency key and how a rerun recognises the order. */
  readonly key: string;
  readonly email: string;
  readonly lines: readonly [DemoOrderLine, ...DemoOrderLine[]];
  readonly shippingOptionId: 'home-delivery' | 'cvs-pickup';
  /** A sandbox token: the checkout pays with it. */
  readonly cardToken: string;
  readonly coupon?: string;
  readonly status: OrderStatus;
  readonly shipment?: { readonly carrier: string; readonly trackingNumber: string };
  /** Returns take back every unit of the first line; exchanges swap it for `replacement`. */
  readonly reason?: string;
  readonly replacement?: DemoItem;
}

const T_CAT = '黑貓宅急便 T-Cat';
const SEVEN_ELEVEN = '7-ELEVEN 交貨便';

export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    key: 'demo-order-01',
    email: 'yichun.lin@example.com',
    lines: [
      { handle: 'nordkamm-aiguille-3l-shell-women', options: ['Teal', 'M'], quantity: 1 },
      { handle: 'tarn-tor-merino-hiker-crew-socks', options: ['S', '1 pair'], quantity: 3 },
    ],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_visa',
    status: 'delivered',
    shipment: { carrier: T_CAT, trackingNumber: '908312450011' },
  },
  {
    key: 'demo-order-02',
    email: 'yichun.lin@example.com',
    lines: [
      { handle: 'lumenpeak-beacon-400-headlamp', options: ['Orange'], quantity: 1 },
      { handle: 'clearbrook-insulated-bottle', options: ['Black', '750 ml'], quantity: 1 },
    ],
    shippingOptionId: 'cvs-pickup',
    cardToken: 'pm_wallet_paypal',
    status: 'pending',
  },
  {
    key: 'demo-order-03',
    email: 'chihming.chen@example.com',
    lines: [{ handle: 'formosa-trail-yushan-low-wp-men', options: ['Grey', '27'], quantity: 1 }],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_mastercard',
    status: 'shipped',
    shipment: { carrier: T_CAT, trackingNumber: '908312450028' },
  },
  {
    key: 'demo-order-04',
    email: 'chihming.chen@example.com',
    lines: [{ handle: 'velox-pacer-tee-men', options: ['Blue', 'L'], quantity: 2 }],
    shippingOptionId: 'cvs-pickup',
    cardToken: 'pm_card_mastercard',
    status: 'returned',
    shipment: { carrier: SEVEN_ELEVEN, trackingNumber: 'F38120045127' },
    reason: 'changed_mind',
  },
  {
    key: 'demo-order-05',
    email: 'meiling.wang@example.com',
    lines: [{ handle: 'hollowpine-moonlight-camp-chair', options: ['Black'], quantity: 2 }],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_visa',
    status: 'cancelled',
    reason: 'ordered by mistake',
  },
  {
    key: 'demo-order-06',
    email: 'meiling.wang@example.com',
    lines: [{ handle: 'velox-tempo-glide-women', options: ['White', '24'], quantity: 1 }],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_visa',
    status: 'exchange_requested',
    shipment: { carrier: T_CAT, trackingNumber: '908312450035' },
    reason: 'wrong_size',
    replacement: { handle: 'velox-tempo-glide-women', options: ['White', '24.5'] },
  },
  {
    key: 'demo-order-07',
    email: 'chiahao.chang@example.com',
    lines: [
      { handle: 'hollowpine-family-dome-4p-tent', options: [], quantity: 1 },
      { handle: 'hollowpine-cloudrest-insulated-air-pad', options: ['Regular'], quantity: 1 },
    ],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_mastercard',
    coupon: 'WELCOME10',
    status: 'processed',
  },
  {
    key: 'demo-order-08',
    email: 'shufen.huang@example.com',
    lines: [{ handle: 'nordkamm-firn-800-down-hoodie-women', options: ['Teal', 'M'], quantity: 1 }],
    shippingOptionId: 'home-delivery',
    cardToken: 'pm_card_amex',
    status: 'return_requested',
    shipment: { carrier: T_CAT, trackingNumber: '908312450042' },
    reason: 'not_as_expected',
  },
  {
    key: 'demo-order-09',
    email: 'kuanting.lee@example.com',
    lines: [{ handle: 'basalt-edge-climbing-shoe', options: ['25'], quantity: 1 }],
    shippingOptionId: 'cvs-pickup',
    cardToken: 'pm_wallet_paypal',
    status: 'exchanged',
    shipment: { carrier: SEVEN_ELEVEN, trackingNumber: 'F38120045134' },
    reason: 'wrong_size',
    replacement: { handle: 'basalt-edge-climbing-shoe', options: ['25.5'] },
  },
  {
    key: 'demo-order-10',
    email: 'emily.carter@example.com',
    lines: [
      { handle: 'cirrus-lab-featherstep-hiker', options: ['Sand', '24'], quantity: 1 },
      { handle: 'formosa-trail-five-toe-hiking-socks', options: ['M', '1 pair'], quantity: 3 },
    ],
    shippingOptionId: 'cvs-pickup',
    cardToken: 'pm_card_visa_debit',
    status: 'delivered',
    shipment: { carrier: SEVEN_ELEVEN, trackingNumber: 'F38120045141' },
  },
];
