/**
 * Flat, icon-like placeholder pictures for the demo catalog: one drawing per kind of product,
 * painted in the variant's colour with the brand's accent, on a soft tint of the same colour.
 * Each drawing is a few shapes on a 400 × 400 canvas.
 */
export interface Paint {
  /** The product's colour. */
  readonly fill: string;
  /** The brand's accent colour. */
  readonly accent: string;
  /** Outlines and soles. */
  readonly ink: string;
}

type Shapes = (paint: Paint) => string;

const stroke = (paint: Paint, width = 8, colour = paint.ink) =>
  `stroke="${colour}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;

const shoe: Shapes = (p) =>
  `<path d="M70 250 L90 170 Q120 160 150 175 L200 205 Q260 220 320 230 Q345 240 340 265 L70 265 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="62" y="262" width="285" height="26" rx="12" fill="${p.ink}"/>` +
  `<path d="M150 190 L185 205 M165 180 L200 198" ${stroke(p, 6, p.accent)}/>`;

const boot: Shapes = (p) =>
  `<path d="M95 265 L100 110 L175 110 L180 195 Q250 210 315 228 Q345 240 340 265 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="85" y="262" width="262" height="30" rx="10" fill="${p.ink}"/>` +
  `<path d="M130 130 L165 130 M130 155 L168 155 M132 180 L170 180" ${stroke(p, 6, p.accent)}/>`;

const top =
  (sleeves: boolean, extra = ''): Shapes =>
  (p) =>
    `<path d="M140 80 L260 80 L${sleeves ? '340 150 L310 190 L280 165' : '285 110 L285 165'} L280 330 L120 330 L120 165 ${sleeves ? 'L90 190 L60 150' : 'L115 165 L115 110'} Z" fill="${p.fill}" ${stroke(p)}/>` +
    `<path d="M170 80 Q200 115 230 80" fill="none" ${stroke(p, 6)}/>` +
    extra;

const jacket: Shapes = (p) =>
  top(
    true,
    `<path d="M200 100 L200 330" ${stroke(p, 6)}/><path d="M140 80 Q200 30 260 80" fill="${p.accent}" ${stroke(p, 6)}/>`,
  )(p);
const puffer: Shapes = (p) =>
  top(
    true,
    `<path d="M122 150 H278 M120 200 H280 M120 250 H280 M120 300 H280" ${stroke(p, 5)}/><path d="M200 100 L200 330" ${stroke(p, 6)}/>`,
  )(p);
const vest: Shapes = (p) =>
  top(false, `<path d="M200 100 L200 330 M120 180 H280 M120 240 H280" ${stroke(p, 5)}/>`)(p);
const fleece: Shapes = (p) =>
  top(
    true,
    `<path d="M200 95 L200 200" ${stroke(p, 6)}/><rect x="150" y="260" width="100" height="35" rx="6" fill="${p.accent}"/>`,
  )(p);
const tee: Shapes = (p) => top(true, `<circle cx="200" cy="170" r="18" fill="${p.accent}"/>`)(p);

const legs =
  (length: number): Shapes =>
  (p) =>
    `<path d="M130 70 H270 L285 ${70 + length} H215 L200 150 L185 ${70 + length} H115 Z" fill="${p.fill}" ${stroke(p)}/>` +
    `<rect x="130" y="70" width="140" height="24" fill="${p.accent}" ${stroke(p, 6)}/>`;

const backpack: Shapes = (p) =>
  `<rect x="110" y="90" width="180" height="240" rx="50" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="135" y="200" width="130" height="90" rx="18" fill="${p.accent}" ${stroke(p, 6)}/>` +
  `<path d="M150 90 Q200 40 250 90" fill="none" ${stroke(p, 10)}/><path d="M110 150 H290" ${stroke(p, 6)}/>`;

const tent: Shapes = (p) =>
  `<path d="M40 310 L200 90 L360 310 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M200 90 L160 310 H240 Z" fill="${p.accent}" ${stroke(p, 6)}/><path d="M20 312 H380" ${stroke(p)}/>`;

const tarp: Shapes = (p) =>
  `<path d="M50 190 L200 100 L350 190 L200 250 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M70 190 V320 M330 190 V320 M200 250 V320" ${stroke(p, 6, p.accent)}/>`;

const sleepingBag: Shapes = (p) =>
  `<path d="M140 60 Q200 30 260 60 L290 320 Q200 360 110 320 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<ellipse cx="200" cy="95" rx="45" ry="30" fill="${p.accent}" ${stroke(p, 6)}/>` +
  `<path d="M118 170 H282 M115 230 H285 M112 285 H288" ${stroke(p, 5)}/>`;

const pad: Shapes = (p) =>
  `<rect x="60" y="150" width="280" height="110" rx="20" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M110 150 V260 M160 150 V260 M210 150 V260 M260 150 V260" ${stroke(p, 5)}/><circle cx="310" cy="175" r="10" fill="${p.accent}"/>`;

const pillow: Shapes = (p) =>
  `<rect x="90" y="140" width="220" height="130" rx="55" fill="${p.fill}" ${stroke(p)}/><circle cx="285" cy="165" r="10" fill="${p.accent}"/>`;

const poles: Shapes = (p) =>
  `<path d="M150 70 L120 340 M250 70 L280 340" ${stroke(p, 10)}/>` +
  `<rect x="135" y="60" width="32" height="70" rx="12" fill="${p.fill}" ${stroke(p, 6)}/><rect x="233" y="60" width="32" height="70" rx="12" fill="${p.fill}" ${stroke(p, 6)}/>` +
  `<circle cx="123" cy="310" r="16" fill="${p.accent}"/><circle cx="277" cy="310" r="16" fill="${p.accent}"/>`;

const headlamp: Shapes = (p) =>
  `<ellipse cx="200" cy="210" rx="140" ry="70" fill="none" ${stroke(p, 16, p.fill)}/>` +
  `<rect x="140" y="220" width="120" height="80" rx="20" fill="${p.fill}" ${stroke(p)}/><circle cx="200" cy="260" r="26" fill="${p.accent}" ${stroke(p, 6)}/>`;

const lantern: Shapes = (p) =>
  `<path d="M160 90 Q200 50 240 90" fill="none" ${stroke(p)}/><rect x="140" y="90" width="120" height="40" rx="10" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="150" y="130" width="100" height="150" rx="14" fill="${p.accent}" ${stroke(p)}/><rect x="135" y="280" width="130" height="40" rx="10" fill="${p.fill}" ${stroke(p)}/>`;

const bottle: Shapes = (p) =>
  `<rect x="170" y="55" width="60" height="40" rx="8" fill="${p.accent}" ${stroke(p)}/>` +
  `<path d="M160 95 H240 Q260 120 260 150 V320 Q260 345 235 345 H165 Q140 345 140 320 V150 Q140 120 160 95 Z" fill="${p.fill}" ${stroke(p)}/>`;

const filter: Shapes = (p) =>
  `<rect x="165" y="70" width="70" height="60" rx="12" fill="${p.accent}" ${stroke(p)}/>` +
  `<rect x="150" y="130" width="100" height="200" rx="30" fill="${p.fill}" ${stroke(p)}/><path d="M175 170 H225 M175 210 H225 M175 250 H225 M175 290 H225" ${stroke(p, 5)}/>`;

const stove: Shapes = (p) =>
  `<path d="M110 150 H290 M130 150 L160 200 M270 150 L240 200" ${stroke(p, 10)}/>` +
  `<path d="M175 150 Q200 110 225 150 Z" fill="${p.accent}"/><rect x="130" y="200" width="140" height="130" rx="40" fill="${p.fill}" ${stroke(p)}/>`;

const pot: Shapes = (p) =>
  `<path d="M110 150 H290 V300 Q290 330 260 330 H140 Q110 330 110 300 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M100 140 H300" ${stroke(p, 12)}/><path d="M290 180 H350" ${stroke(p, 12, p.accent)}/>`;

const mug: Shapes = (p) =>
  `<rect x="120" y="120" width="140" height="190" rx="24" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M260 160 Q320 160 320 215 Q320 270 260 270" fill="none" ${stroke(p, 12)}/><rect x="115" y="105" width="150" height="28" rx="8" fill="${p.accent}" ${stroke(p, 6)}/>`;

const socks: Shapes = (p) =>
  `<path d="M150 60 H230 V230 Q230 250 250 265 L300 300 Q325 325 295 345 Q280 350 260 340 L170 290 Q150 275 150 250 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="150" y="60" width="80" height="34" fill="${p.accent}" ${stroke(p, 6)}/>`;

const cap: Shapes = (p) =>
  `<path d="M100 240 Q100 120 210 120 Q300 125 305 240 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M290 240 Q350 240 365 265 L100 265 L100 240 Z" fill="${p.accent}" ${stroke(p)}/><circle cx="205" cy="118" r="10" fill="${p.ink}"/>`;

const hat: Shapes = (p) =>
  `<ellipse cx="200" cy="250" rx="160" ry="40" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M130 250 Q130 140 200 140 Q270 140 270 250 Z" fill="${p.fill}" ${stroke(p)}/><path d="M132 220 H268" ${stroke(p, 14, p.accent)}/>`;

const beanie: Shapes = (p) =>
  `<path d="M110 270 Q110 110 200 110 Q290 110 290 270 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="100" y="255" width="200" height="55" rx="12" fill="${p.fill}" ${stroke(p)}/><circle cx="200" cy="95" r="26" fill="${p.accent}" ${stroke(p, 6)}/>`;

const gloves: Shapes = (p) =>
  `<path d="M140 330 V170 Q140 150 158 150 Q175 150 175 170 V110 Q175 90 195 90 Q215 90 215 110 V105 Q215 85 235 88 Q252 92 252 112 V200 L285 160 Q305 145 318 165 L255 300 Q245 330 215 330 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="140" y="300" width="120" height="40" rx="8" fill="${p.accent}" ${stroke(p, 6)}/>`;

const gaiter: Shapes = (p) =>
  `<path d="M140 70 H260 L270 330 H130 Z" fill="${p.fill}" ${stroke(p)}/><path d="M135 130 H265 M133 200 H267 M131 270 H269" ${stroke(p, 10, p.accent)}/>`;

const sunglasses: Shapes = (p) =>
  `<path d="M60 170 H340" ${stroke(p, 12)}/><path d="M75 170 H185 Q185 250 130 250 Q75 250 75 170 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M215 170 H325 Q325 250 270 250 Q215 250 215 170 Z" fill="${p.fill}" ${stroke(p)}/><path d="M100 190 L130 215" ${stroke(p, 6, p.accent)}/>`;

const watch: Shapes = (p) =>
  `<rect x="160" y="40" width="80" height="320" rx="20" fill="${p.fill}" ${stroke(p)}/>` +
  `<circle cx="200" cy="200" r="85" fill="${p.ink}"/><circle cx="200" cy="200" r="68" fill="${p.accent}"/><path d="M200 200 V155 M200 200 L235 215" ${stroke(p, 8)}/>`;

const harness: Shapes = (p) =>
  `<ellipse cx="200" cy="140" rx="140" ry="45" fill="none" ${stroke(p, 26, p.fill)}/>` +
  `<ellipse cx="140" cy="270" rx="55" ry="35" fill="none" ${stroke(p, 18, p.fill)}/><ellipse cx="260" cy="270" rx="55" ry="35" fill="none" ${stroke(p, 18, p.fill)}/>` +
  `<path d="M200 180 V240" ${stroke(p, 16, p.accent)}/>`;

const helmet: Shapes = (p) =>
  `<path d="M80 270 Q80 100 200 100 Q320 100 320 270 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M150 130 V200 M200 110 V200 M250 130 V200" ${stroke(p, 10, p.accent)}/><rect x="70" y="262" width="260" height="20" rx="8" fill="${p.ink}"/>`;

const carabiner: Shapes = (p) =>
  `<path d="M150 70 Q90 70 95 150 L120 300 Q130 345 175 345 H230 Q280 345 290 290 L310 130 Q315 70 255 70 Z" fill="none" ${stroke(p, 22, p.fill)}/>` +
  `<path d="M300 150 L270 300" ${stroke(p, 14, p.accent)}/>`;

const rope: Shapes = (p) =>
  `<circle cx="200" cy="200" r="130" fill="none" stroke="${p.fill}" stroke-width="40"/>` +
  `<circle cx="200" cy="200" r="85" fill="none" stroke="${p.accent}" stroke-width="18"/><circle cx="200" cy="200" r="130" fill="none" ${stroke(p, 4)}/>`;

const chalkBag: Shapes = (p) =>
  `<path d="M120 120 H280 L270 320 Q200 350 130 320 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="110" y="100" width="180" height="34" rx="10" fill="${p.accent}" ${stroke(p, 6)}/><path d="M80 240 H120 M280 240 H320" ${stroke(p, 10)}/>`;

const mat: Shapes = (p) =>
  `<rect x="70" y="120" width="200" height="190" rx="14" fill="${p.fill}" ${stroke(p)}/>` +
  `<circle cx="290" cy="215" r="55" fill="${p.fill}" ${stroke(p)}/><circle cx="290" cy="215" r="25" fill="${p.accent}"/>`;

const block: Shapes = (p) =>
  `<path d="M90 170 L200 120 L320 160 L320 290 L210 340 L90 300 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M90 170 L210 210 L320 160 M210 210 V340" fill="none" ${stroke(p, 6)}/><circle cx="200" cy="165" r="12" fill="${p.accent}"/>`;

const dumbbell: Shapes = (p) =>
  `<path d="M120 200 H280" ${stroke(p, 20)}/>` +
  `<rect x="60" y="130" width="70" height="140" rx="16" fill="${p.fill}" ${stroke(p)}/><rect x="270" y="130" width="70" height="140" rx="16" fill="${p.fill}" ${stroke(p)}/>` +
  `<circle cx="95" cy="200" r="14" fill="${p.accent}"/><circle cx="305" cy="200" r="14" fill="${p.accent}"/>`;

const band: Shapes = (p) =>
  `<ellipse cx="200" cy="200" rx="140" ry="90" fill="none" stroke="${p.fill}" stroke-width="34"/>` +
  `<ellipse cx="200" cy="200" rx="95" ry="55" fill="none" stroke="${p.accent}" stroke-width="20"/>`;

const roller: Shapes = (p) =>
  `<rect x="80" y="140" width="240" height="120" rx="20" fill="${p.fill}" ${stroke(p)}/>` +
  `<ellipse cx="320" cy="200" rx="24" ry="60" fill="${p.accent}" ${stroke(p)}/><path d="M120 140 V260 M160 140 V260 M200 140 V260 M240 140 V260 M280 140 V260" ${stroke(p, 5)}/>`;

const chair: Shapes = (p) =>
  `<path d="M100 340 L300 170 M300 340 L100 170" ${stroke(p, 10)}/>` +
  `<path d="M110 120 Q200 150 290 120 L280 230 Q200 260 120 230 Z" fill="${p.fill}" ${stroke(p)}/><path d="M85 200 H130 M270 200 H315" ${stroke(p, 14, p.accent)}/>`;

const table: Shapes = (p) =>
  `<rect x="60" y="140" width="280" height="36" rx="8" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M100 176 L140 330 M300 176 L260 330 M140 330 L300 176 M260 330 L100 176" ${stroke(p, 8, p.accent)}/>`;

const firstAid: Shapes = (p) =>
  `<rect x="80" y="120" width="240" height="190" rx="30" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M200 160 V270 M145 215 H255" stroke="#ffffff" stroke-width="34"/><path d="M160 120 V95 H240 V120" fill="none" ${stroke(p)}/>`;

const dryBag: Shapes = (p) =>
  `<path d="M120 120 H280 V320 Q280 340 260 340 H140 Q120 340 120 320 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M110 80 H290 V120 H110 Z" fill="${p.accent}" ${stroke(p)}/><path d="M140 100 Q200 60 260 100" fill="none" ${stroke(p, 8)}/>`;

const powerBank: Shapes = (p) =>
  `<rect x="120" y="70" width="160" height="270" rx="26" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M215 140 L175 215 H215 L185 285 L250 195 H210 L235 140 Z" fill="${p.accent}"/>`;

const poncho: Shapes = (p) =>
  `<path d="M200 70 Q240 70 250 110 L350 300 Q200 340 50 300 L150 110 Q160 70 200 70 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M165 110 Q200 140 235 110" fill="none" ${stroke(p, 6)}/><path d="M75 290 Q200 320 325 290" fill="none" ${stroke(p, 8, p.accent)}/>`;

const rainBoot: Shapes = (p) =>
  `<path d="M120 80 H220 V250 Q290 250 310 290 L310 320 H120 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<rect x="112" y="312" width="206" height="24" rx="8" fill="${p.ink}"/><rect x="120" y="80" width="100" height="26" fill="${p.accent}" ${stroke(p, 6)}/>`;

const climbingShoe: Shapes = (p) =>
  `<path d="M70 230 Q90 150 160 160 L230 180 Q320 200 345 260 Q330 280 300 275 L90 275 Q65 265 70 230 Z" fill="${p.fill}" ${stroke(p)}/>` +
  `<path d="M130 170 L150 270 M175 172 L190 270" ${stroke(p, 12, p.accent)}/><path d="M90 280 H310" ${stroke(p, 14)}/>`;

export const DRAWINGS = {
  boot,
  runner: shoe,
  sandal: (p) =>
    `<rect x="70" y="250" width="270" height="30" rx="14" fill="${p.ink}"/>` +
    `<path d="M110 250 Q150 170 200 250 M190 250 Q240 170 290 250 M120 210 H300" fill="none" ${stroke(p, 18, p.fill)}/>` +
    `<circle cx="205" cy="210" r="12" fill="${p.accent}"/>`,
  'climbing-shoe': climbingShoe,
  jacket,
  puffer,
  vest,
  fleece,
  tee,
  leggings: legs(270),
  pants: legs(270),
  shorts: legs(130),
  backpack,
  tent,
  tarp,
  'sleeping-bag': sleepingBag,
  pad,
  pillow,
  poles,
  headlamp,
  lantern,
  bottle,
  filter,
  stove,
  pot,
  mug,
  socks,
  cap,
  hat,
  beanie,
  gloves,
  gaiter,
  sunglasses,
  watch,
  harness,
  helmet,
  carabiner,
  rope,
  'chalk-bag': chalkBag,
  mat,
  block,
  dumbbell,
  band,
  roller,
  chair,
  table,
  'first-aid': firstAid,
  'dry-bag': dryBag,
  'power-bank': powerBank,
  poncho,
  'rain-boot': rainBoot,
} as const satisfies Record<string, Shapes>;

export type Drawing = keyof typeof DRAWINGS;

/** Mixes `hex` toward white by `share` (0–1), for the background tint. */
function lighten(hex: string, share: number): string {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `#${channels
    .map((channel) =>
      Math.round(channel + (255 - channel) * share)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The whole SVG document of one picture; `label` becomes its accessible title. */
export function drawSvg(drawing: Drawing, paint: Paint, label: string): string {
  const title = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img">` +
    `<title>${title}</title>` +
    `<rect width="400" height="400" rx="32" fill="${lighten(paint.fill, 0.82)}"/>` +
    DRAWINGS[drawing](paint) +
    `</svg>`
  );
}
