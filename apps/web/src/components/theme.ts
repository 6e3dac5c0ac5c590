// The Carbon design tokens zlens uses (light theme: g10, whose gray background sets off white
// panels; dark theme: g100). Only these values are read, and they become CSS custom properties once at start-up,
// so the stylesheet never hard-codes a colour.
import {
  blue50,
  blue80,
  cyan20,
  cyan40,
  cyan50,
  cyan90,
  green30,
  green60,
  magenta20,
  magenta40,
  magenta50,
  magenta70,
  orange40,
  orange70,
  purple30,
  purple50,
  purple60,
  purple70,
  red10,
  red50,
  red90,
  teal40,
  teal50,
  teal60,
  teal70,
  yellow30,
  yellow50,
} from '@carbon/colors';
import { CATALOG, type MetricId } from '@zlens/shared';
// The per-theme token module of @carbon/themes (what its index re-exports), imported directly:
// plain named constants, so only the tokens below reach the bundle. The index pulls in every
// theme plus a colour library (about 45 kB).
import * as g10 from '@carbon/themes/js/generated/themes/g10.js';
import * as g100 from '@carbon/themes/js/generated/themes/g100.js';
import type { ThemeKey } from '../state/view-params';

/** Carbon's 14-colour categorical data-visualisation palette (light themes), in its prescribed order. */
export const SERIES_COLORS = [
  purple70,
  cyan50,
  teal70,
  magenta70,
  red50,
  red90,
  green60,
  blue80,
  magenta50,
  yellow50,
  teal50,
  cyan90,
  orange70,
  purple50,
] as const;

/** The same palette for dark themes (Carbon g90/g100), colour for colour. */
export const SERIES_COLORS_DARK = [
  purple60,
  cyan40,
  teal60,
  magenta40,
  red50,
  red10,
  green30,
  blue50,
  magenta20,
  yellow30,
  teal40,
  cyan20,
  orange40,
  purple30,
] as const;

/** A palette colour in the theme's variant (light colours are too dark on g100); other colours as they are. */
export function themedColor(color: string, dark: boolean): string {
  if (!dark) return color;
  const index = (SERIES_COLORS as readonly string[]).indexOf(color);
  return index >= 0 ? (SERIES_COLORS_DARK[index] ?? color) : color;
}

/** One colour per kind of usage, the same in every chart and figure of the app. */
export function metricColor(metric: MetricId): string {
  const kind = CATALOG[metric].kind;
  if (kind === 'network-adapter') return cyan50;
  if (kind === 'storage-adapter') return teal70;
  // Channels are a classic CPC's adapters: drawn beside processor usage (the fleet card), never in its purple.
  if (kind === 'channel') return magenta70;
  return purple70;
}

type CarbonTheme = typeof g10;

function tokensOf(t: CarbonTheme) {
  return {
    background: t.background,
    layer: t.layer01,
    layerHover: t.layerHover01,
    layerAccent: t.layerAccent01,
    layerAccentHover: t.layerAccentHover01,
    borderSubtle: t.borderSubtle01,
    borderStrong: t.borderStrong01,
    textPrimary: t.textPrimary,
    textSecondary: t.textSecondary,
    textHelper: t.textHelper,
    textInverse: t.textInverse,
    backgroundInverse: t.backgroundInverse,
    linkPrimary: t.linkPrimary,
    focus: t.focus,
    supportError: t.supportError,
    supportSuccess: t.supportSuccess,
    supportWarning: t.supportWarning,
    supportCautionMajor: t.supportCautionMajor,
    supportInfo: t.supportInfo,
    interactive: t.interactive,
  };
}

export type ThemeTokens = ReturnType<typeof tokensOf>;

/** Light = Carbon g10 (gray background setting off white panels), dark = g100. */
export const THEME_TOKENS: Readonly<Record<ThemeKey, ThemeTokens>> = {
  light: tokensOf(g10),
  dark: tokensOf(g100),
};

/** The light tokens; charts take the tokens of the current theme (useThemeTokens). */
export const TOKENS = THEME_TOKENS.light;

export const FONT_FAMILY = "'IBM Plex Sans', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Writes the tokens as `--zl-<name>` custom properties on `root`. */
export function applyTheme(root: HTMLElement, theme: ThemeKey = 'light'): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  for (const [name, value] of Object.entries(THEME_TOKENS[theme])) {
    root.style.setProperty(`--zl-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
  }
  root.style.setProperty('--zl-font', FONT_FAMILY);
}
