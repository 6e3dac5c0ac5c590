// The Carbon design tokens zlens uses (light theme: g10, whose gray background sets off white
// panels). Only these values are read, and they become CSS custom properties once at start-up,
// so the stylesheet never hard-codes a colour.
import { cyan50, magenta70, purple70, teal70 } from '@carbon/colors';
import { CATALOG, type MetricId } from '@zlens/shared';
// The per-theme token module of @carbon/themes (what its index re-exports), imported directly:
// plain named constants, so only the tokens below reach the bundle. The index pulls in every
// theme plus a colour library (about 45 kB).
import * as g10 from '@carbon/themes/js/generated/themes/g10.js';

/** Carbon's categorical data-visualisation palette, in its prescribed order (purple, cyan, teal, magenta). */
export const SERIES_COLORS = [purple70, cyan50, teal70, magenta70] as const;

/** One colour per kind of usage, the same in every chart and figure of the app. */
export function metricColor(metric: MetricId): string {
  const kind = CATALOG[metric].kind;
  if (kind === 'network-adapter') return cyan50;
  if (kind === 'storage-adapter') return teal70;
  return purple70;
}

export const TOKENS = {
  background: g10.background,
  layer: g10.layer01,
  layerHover: g10.layerHover01,
  layerAccent: g10.layerAccent01,
  layerAccentHover: g10.layerAccentHover01,
  borderSubtle: g10.borderSubtle01,
  borderStrong: g10.borderStrong01,
  textPrimary: g10.textPrimary,
  textSecondary: g10.textSecondary,
  textHelper: g10.textHelper,
  textInverse: g10.textInverse,
  backgroundInverse: g10.backgroundInverse,
  linkPrimary: g10.linkPrimary,
  focus: g10.focus,
  supportError: g10.supportError,
  supportSuccess: g10.supportSuccess,
  supportWarning: g10.supportWarning,
  supportCautionMajor: g10.supportCautionMajor,
  supportInfo: g10.supportInfo,
  interactive: g10.interactive,
} as const;

export const FONT_FAMILY =
  "'IBM Plex Sans', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Writes the tokens as `--zl-<name>` custom properties on `root`. */
export function applyTheme(root: HTMLElement): void {
  for (const [name, value] of Object.entries(TOKENS)) {
    root.style.setProperty(`--zl-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
  }
  root.style.setProperty('--zl-font', FONT_FAMILY);
}
