/**
 * Size runs used across the store. Shoes are in centimetres (JP/TW sizing, foot length) in half
 * sizes everywhere, climbing shoes included; kids' clothing is by height in cm, as Taiwanese
 * shops label it.
 */
function halfSizes(from: number, to: number): string[] {
  const sizes: string[] = [];
  for (let tenths = from * 10; tenths <= to * 10; tenths += 5) sizes.push(String(tenths / 10));
  return sizes;
}

export const MEN_SHOES = halfSizes(25, 29);
export const WOMEN_SHOES = halfSizes(22.5, 26);
export const UNISEX_SHOES = halfSizes(23, 28.5);
export const CLIMBING_SHOES = halfSizes(23, 27.5);
export const SANDALS = ['24', '25', '26', '27', '28'];
export const KIDS_SHOES = ['17', '18', '19', '20', '21', '22'];
export const KIDS_BOOTS = ['15', '16', '17', '18', '19', '20'];

export const MEN_APPAREL = ['S', 'M', 'L', 'XL', 'XXL'];
export const WOMEN_APPAREL = ['XS', 'S', 'M', 'L', 'XL'];
export const UNISEX_APPAREL = ['S', 'M', 'L', 'XL'];
export const KIDS_APPAREL = ['100', '110', '120', '130', '140', '150'];

export const SOCKS = ['S', 'M', 'L'];
export const GLOVES = ['S', 'M', 'L', 'XL'];
