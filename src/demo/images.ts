/**
 * The demo pictures behind `/demo/images/<slug>.svg`: one per product colour (or per product when
 * it has no colours), drawn on request from the family's drawing, colour and brand accent.
 */
import { BRANDS } from './brands.js';
import { COLOURS, type ColourName } from './colours.js';
import { type Drawing, drawSvg, type Paint } from './drawings.js';
import { type Family, imageSlug } from './family.js';
import { DEMO_FAMILIES } from './products/index.js';

const INK = '#1b1d21';

interface Picture {
  readonly drawing: Drawing;
  readonly paint: Paint;
  readonly label: string;
}

function picturesOf(family: Family): [string, Picture][] {
  const colours: readonly (ColourName | undefined)[] = family.colours ?? [undefined];
  return colours.map((colour) => {
    const fill = COLOURS[colour ?? family.tint ?? 'Grey'].hex;
    const label = colour === undefined ? family.title[0] : `${family.title[0]} in ${colour}`;
    return [
      imageSlug(family, colour),
      { drawing: family.drawing, paint: { fill, accent: BRANDS[family.brand].accent, ink: INK }, label },
    ];
  });
}

let pictures: Map<string, Picture> | undefined;

function pictureIndex(): Map<string, Picture> {
  pictures ??= new Map(DEMO_FAMILIES.flatMap(picturesOf));
  return pictures;
}

/** Every slug a demo product points at, for servers that pre-render or list them. */
export function demoImageSlugs(): string[] {
  return [...pictureIndex().keys()];
}

/** The SVG for `/demo/images/<slug>.svg` (the slug may carry the `.svg` ending), or null. */
export function demoImageSvg(slug: string): string | null {
  const picture = pictureIndex().get(slug.replace(/\.svg$/, ''));
  return picture === undefined ? null : drawSvg(picture.drawing, picture.paint, picture.label);
}
