export { type Clock, ManualClock, systemClock } from './clock.js';
export { type Config, loadConfig } from './config.js';
export {
  AisleError,
  ConflictError,
  type ErrorDetails,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from './errors.js';
export { newId } from './ids.js';
export { createLogger, type Logger, silentLogger } from './logging.js';
export {
  addMoney,
  allocateByWeight,
  assertCurrency,
  currencyExponent,
  formatMoney,
  type Money,
  money,
  multiplyMoney,
  parseDecimal,
  parseMoney,
  subtractMoney,
  toDecimal,
} from './money.js';
export { hashText, type SeededRandom, seededRandom } from './seeded-random.js';
