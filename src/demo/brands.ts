/**
 * The invented brands of the demo store, each with its own voice, a two-digit number inside its
 * barcodes and an accent colour for its placeholder images.
 */
export interface Brand {
  readonly name: string;
  readonly barcodeNumber: number;
  readonly accent: string;
}

export const BRANDS = {
  /** Technical alpine shells, insulation and mountain boots; precise and restrained. */
  nordkamm: { name: 'Nordkamm', barcodeNumber: 11, accent: '#e4572e' },
  /** Heritage hill walking: merino, leather boots, honest fabrics. */
  tarnTor: { name: 'Tarn & Tor', barcodeNumber: 12, accent: '#c9a227' },
  /** Running shoes and apparel; loud colours and light foams. */
  velox: { name: 'Velox', barcodeNumber: 13, accent: '#ff3e6c' },
  /** Camping: tents, sleeping bags, pads and camp kitchens. */
  hollowpine: { name: 'Hollowpine', barcodeNumber: 14, accent: '#f4a259' },
  /** Ultralight gear for thru-hikers; grams count. */
  cirrus: { name: 'Cirrus Lab', barcodeNumber: 15, accent: '#4cc9f0' },
  /** Climbing hardware, harnesses and shoes. */
  basalt: { name: 'Basalt', barcodeNumber: 16, accent: '#ffd166' },
  /** Headlamps, GPS watches and other things with batteries. */
  lumenpeak: { name: 'Lumenpeak', barcodeNumber: 17, accent: '#ffe066' },
  /** A Taiwanese label made for subtropical mountains: rain, sun and humidity. */
  formosaTrail: { name: 'Formosa Trail', barcodeNumber: 18, accent: '#06d6a0' },
  /** Yoga and home fitness. */
  lotusFlow: { name: 'Lotus Flow', barcodeNumber: 19, accent: '#c77dff' },
  /** Kids' outdoor clothing and shoes. */
  sproutTrail: { name: 'Sprout Trail', barcodeNumber: 20, accent: '#90be6d' },
  /** Water bottles and filters. */
  clearbrook: { name: 'Clearbrook', barcodeNumber: 21, accent: '#48cae4' },
  /** The store's own label for basics. */
  summitTrail: { name: 'Summit & Trail', barcodeNumber: 22, accent: '#2a9d8f' },
} as const satisfies Record<string, Brand>;

export type BrandKey = keyof typeof BRANDS;
