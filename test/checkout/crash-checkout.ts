/**
 * Completes one checkout against a SQLite file and, when AISLE_TEST_CRASH_AT names a step, dies
 * by SIGKILL right after that step's side effect: no clean-up, no flushed buffers.
 * Env: AISLE_TEST_DB (file path), AISLE_TEST_CART, AISLE_TEST_NOW (epoch ms), AISLE_TEST_CRASH_AT.
 */
import { ManualClock } from '../../src/core/index.js';
import { openStore } from '../../src/store/index.js';
import { buildShop } from './shop.js';

const crashAt = process.env.AISLE_TEST_CRASH_AT;
const store = await openStore(`sqlite:${process.env.AISLE_TEST_DB}`);
const clock = new ManualClock(Number(process.env.AISLE_TEST_NOW));
const shop = await buildShop(store, clock, {
  hooks: {
    afterSideEffect(step) {
      if (step === crashAt) process.kill(process.pid, 'SIGKILL');
    },
  },
});
const outcome = await shop.cart.completeCheckout(process.env.AISLE_TEST_CART ?? '', {
  tenders: [{ type: 'card', token: 'pm_card_visa' }],
  idempotencyKey: 'crash-key',
});
process.stdout.write(JSON.stringify(outcome));
await store.close();
