/**
 * The colours the demo store sells. Option values stay in English (as a feed would carry them);
 * the Chinese names reach shoppers through the search synonyms.
 */
export interface Colour {
  /** Three letters used in SKUs. */
  readonly code: string;
  /** Traditional Chinese names, the usual one first. */
  readonly zh: readonly string[];
  /** Fill colour of the placeholder image. */
  readonly hex: string;
}

export const COLOURS = {
  Black: { code: 'BLK', zh: ['黑色', '黑'], hex: '#25272b' },
  Charcoal: { code: 'CHR', zh: ['炭灰色', '深灰色', '炭灰'], hex: '#4a4f57' },
  Grey: { code: 'GRY', zh: ['灰色', '灰'], hex: '#8d939b' },
  White: { code: 'WHT', zh: ['白色', '白'], hex: '#f2f2ee' },
  Navy: { code: 'NVY', zh: ['海軍藍', '深藍色', '深藍'], hex: '#1f2f57' },
  Blue: { code: 'BLU', zh: ['藍色', '藍'], hex: '#2f6fd0' },
  'Sky Blue': { code: 'SKY', zh: ['天空藍', '淺藍色', '水藍色'], hex: '#7cc0ea' },
  Teal: { code: 'TEL', zh: ['湖水綠', '藍綠色'], hex: '#1f8a8a' },
  'Forest Green': { code: 'FGN', zh: ['森林綠', '墨綠色', '深綠色'], hex: '#2f5d3a' },
  Olive: { code: 'OLV', zh: ['橄欖綠', '軍綠色'], hex: '#6b6b3a' },
  Lime: { code: 'LIM', zh: ['萊姆綠', '螢光綠'], hex: '#a8d13b' },
  Sand: { code: 'SND', zh: ['沙色', '卡其色', '奶茶色'], hex: '#d8c39a' },
  Brown: { code: 'BRN', zh: ['咖啡色', '棕色'], hex: '#7a5233' },
  Red: { code: 'RED', zh: ['紅色', '紅'], hex: '#c9302c' },
  Burgundy: { code: 'BUR', zh: ['酒紅色', '酒紅'], hex: '#7a1f35' },
  Orange: { code: 'ORG', zh: ['橘色', '橙色', '橘'], hex: '#ee7a22' },
  Coral: { code: 'CRL', zh: ['珊瑚紅', '珊瑚色'], hex: '#f07167' },
  Yellow: { code: 'YEL', zh: ['黃色', '黃'], hex: '#f2c230' },
  Mustard: { code: 'MST', zh: ['芥末黃', '土黃色'], hex: '#c99a2e' },
  Pink: { code: 'PNK', zh: ['粉紅色', '粉色'], hex: '#ee8fb1' },
  Lavender: { code: 'LAV', zh: ['薰衣草紫', '淺紫色'], hex: '#b29ad9' },
  Purple: { code: 'PUR', zh: ['紫色', '紫'], hex: '#6a3fa0' },
} as const satisfies Record<string, Colour>;

export type ColourName = keyof typeof COLOURS;

export function isColourName(value: string): value is ColourName {
  return Object.hasOwn(COLOURS, value);
}
