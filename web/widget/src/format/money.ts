/** Prices read as the assistant writes them: one formatter for the server's words and the widget's cards. */
export { formatMoney } from '../../../../src/core/money.js';
