// A chart's PNG export as an operator pastes it into a ticket: the panel's title, the object and
// range it shows, the chart (ECharts' own image) and its legend, composed onto one canvas.
import { FONT_FAMILY } from './theme';

export interface PngFrame {
  title: string;
  /** "ZLX1 · 2026-12-02 08:00 – 2026-12-03 08:00 (UTC)": what and when. */
  subtitle: string;
  /** One swatch and name per line; empty for a chart whose legend is a colour scale (the heatmap). */
  legend: readonly { name: string; color: string }[];
  background: string;
  text: string;
  muted: string;
}

const PAD = 16;
const TITLE_PX = 16;
const SUBTITLE_PX = 12;
const LEGEND_PX = 12;
const LEGEND_ROW = 18;
const SWATCH = 10;
const ITEM_GAP = 16;

/** The subtitle: the object (when there is one) and the range in the chosen zone. */
export function pngSubtitle(object: string | undefined, range: { from: string; to: string; zone: string } | null): string {
  const when = range === null ? '' : `${range.from} – ${range.to} (${range.zone})`;
  return [object ?? '', when].filter((part) => part !== '').join(' · ');
}

/** Legend items laid out left to right, wrapping at `width`: each item's x and row. */
export function legendRows(widths: readonly number[], width: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return widths.map((itemWidth) => {
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const at = { x, row };
    x += itemWidth + ITEM_GAP;
    return at;
  });
}

function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  return image.decode().then(() => image);
}

/**
 * The chart image (a data URL at `ratio` device pixels per CSS pixel) framed by title, subtitle and
 * legend; the chart image alone where the browser has no 2D canvas.
 */
export async function composeChartPng(chartUrl: string, ratio: number, frame: PngFrame): Promise<string> {
  const chart = await loadImage(chartUrl);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) return chartUrl;
  const width = chart.width / ratio;
  const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT_FAMILY}`;
  ctx.font = font(LEGEND_PX);
  const itemWidths = frame.legend.map((item) => SWATCH + 6 + ctx.measureText(item.name).width);
  const places = legendRows(itemWidths, width - 2 * PAD);
  const legendHeight = places.length === 0 ? 0 : ((places.at(-1)?.row ?? 0) + 1) * LEGEND_ROW + 8;
  const chartTop = PAD + TITLE_PX + 6 + SUBTITLE_PX + 12;
  const height = chartTop + chart.height / ratio + legendHeight + PAD;

  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = frame.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = frame.text;
  ctx.font = font(TITLE_PX, 600);
  ctx.fillText(frame.title, PAD, PAD, width - 2 * PAD);
  ctx.fillStyle = frame.muted;
  ctx.font = font(SUBTITLE_PX);
  ctx.fillText(frame.subtitle, PAD, PAD + TITLE_PX + 6, width - 2 * PAD);
  ctx.drawImage(chart, 0, chartTop, width, chart.height / ratio);

  const legendTop = chartTop + chart.height / ratio + 8;
  ctx.font = font(LEGEND_PX);
  frame.legend.forEach((item, i) => {
    const place = places[i];
    if (!place) return;
    const x = PAD + place.x;
    const y = legendTop + place.row * LEGEND_ROW;
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y + 1, SWATCH, SWATCH);
    ctx.fillStyle = frame.text;
    ctx.fillText(item.name, x + SWATCH + 6, y);
  });
  return canvas.toDataURL('image/png');
}
