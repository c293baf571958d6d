/**
 * The embed's settings, read from the script tag's data attributes:
 * data-store-key, data-lang, data-theme, data-position, data-open, data-api, data-store-name.
 */
import { pickLocale, type WidgetLocale } from '../i18n/index.js';

export interface WidgetConfig {
  /** Origin of the Aisle server, without a trailing slash. */
  readonly apiBase: string;
  readonly storeKey: string | null;
  readonly storeName: string | null;
  readonly locale: WidgetLocale;
  readonly theme: string;
  readonly onTheme: string;
  readonly position: 'left' | 'right';
  readonly openOnLoad: boolean;
}

const DEFAULT_THEME = '#0f766e';
/** On a phone the open chat covers the whole page, so it opens only when the shopper asks. */
const PHONE_WIDTH = 480;

/** The tag that loaded this script; `currentScript` is null once the script has finished running. */
export function findScriptTag(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return (
    document.querySelector<HTMLScriptElement>('script[data-store-key][src*="aisle"]') ??
    document.querySelector<HTMLScriptElement>('script[src*="/widget/aisle.js"]')
  );
}

export function readConfig(
  script: HTMLScriptElement | null,
  browserLanguages: readonly string[],
): WidgetConfig {
  const data = script?.dataset ?? {};
  const theme = validColour(data.theme) ?? DEFAULT_THEME;
  return {
    apiBase: apiBaseOf(script, data.api),
    storeKey: nonEmpty(data.storeKey),
    storeName: nonEmpty(data.storeName),
    locale: pickLocale(nonEmpty(data.lang), browserLanguages),
    theme,
    onTheme: readableOn(theme),
    position: data.position === 'left' ? 'left' : 'right',
    openOnLoad: (data.open === 'true' || data.open === '') && window.innerWidth > PHONE_WIDTH,
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The script's own origin unless `data-api` names another; the page's origin as a last resort. */
function apiBaseOf(script: HTMLScriptElement | null, override: string | undefined): string {
  const base =
    nonEmpty(override) ?? (script?.src ? new URL(script.src, location.href).origin : location.origin);
  return base.replace(/\/+$/, '');
}

function validColour(value: string | undefined): string | null {
  const colour = nonEmpty(value);
  return colour !== null && CSS.supports('color', colour) ? colour : null;
}

/** White or near-black text on the theme colour, whichever reads better (WCAG relative luminance). */
export function readableOn(colour: string): string {
  const rgb = hexToRgb(colour);
  if (rgb === null) return '#ffffff';
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is (1.05)/(L+0.05); against #111 it is (L+0.05)/(0.0056+0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0556 ? '#ffffff' : '#111111';
}

function hexToRgb(colour: string): [number, number, number] | null {
  const hex = colour.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
