/**
 * EAN-13 barcodes. The demo numbers use the GS1 prefix 20, which is reserved for in-store use, so
 * no demo barcode can ever match a real product's.
 */

/** The check digit of the first twelve digits of an EAN-13. */
export function ean13CheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError(`expected 12 digits, got "${twelveDigits}"`);
  let sum = 0;
  for (let index = 0; index < 12; index++) {
    sum += Number(twelveDigits[index]) * (index % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** `20` + a two-digit brand number + an eight-digit item number + the check digit. */
export function demoEan13(brandNumber: number, itemNumber: number): string {
  const body = `20${String(brandNumber).padStart(2, '0')}${String(itemNumber).padStart(8, '0')}`;
  return `${body}${ean13CheckDigit(body)}`;
}
