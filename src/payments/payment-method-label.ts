const BRAND_NAMES: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  diners: 'Diners Club',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  google_pay: 'Google Pay',
  line_pay: 'LINE Pay',
};

function brandName(brand: string): string {
  return BRAND_NAMES[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1).replaceAll('_', ' ');
}

/** "Visa •••• 4242 (12/28)", "PayPal": all a person ever sees of a payment method. */
export function paymentMethodLabel(method: {
  readonly brand: string;
  readonly last4: string | null;
  readonly expMonth?: number | null;
  readonly expYear?: number | null;
}): string {
  const parts = [brandName(method.brand)];
  if (method.last4 !== null) parts.push(`•••• ${method.last4}`);
  if (method.expMonth != null && method.expYear != null) {
    parts.push(
      `(${String(method.expMonth).padStart(2, '0')}/${String(method.expYear % 100).padStart(2, '0')})`,
    );
  }
  return parts.join(' ');
}
