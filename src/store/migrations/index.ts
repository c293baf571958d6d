/** Ordered migrations; a name, once released, never changes. */
import * as outbox from './0001-outbox.js';
import * as catalog from './0002-catalog.js';
import * as inventory from './0003-inventory.js';
import * as payments from './0004-payments.js';
import * as customers from './0005-customers.js';
import * as orders from './0006-orders.js';
import * as carts from './0007-carts.js';
import * as promotions from './0008-promotions.js';
import * as orderLineTags from './0009-order-line-tags.js';
import * as assistantSessions from './0010-assistant-sessions.js';

export const migrations = {
  '0001-outbox': outbox,
  '0002-catalog': catalog,
  '0003-inventory': inventory,
  '0004-payments': payments,
  '0005-customers': customers,
  '0006-orders': orders,
  '0007-carts': carts,
  '0008-promotions': promotions,
  '0009-order-line-tags': orderLineTags,
  '0010-assistant-sessions': assistantSessions,
};
