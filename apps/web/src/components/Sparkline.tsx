import './sparkline.css';

/** The SVG path of a sparkline: one segment per run of samples, so a gap stays a gap. */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, max: number): string {
  if (values.length === 0) return '';
  const dx = values.length > 1 ? width / (values.length - 1) : 0;
  const top = max > 0 ? max : 1;
  let path = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value == null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    const x = (i * dx).toFixed(1);
    const y = (height - (Math.min(value, top) / top) * (height - 2) - 1).toFixed(1);
    path += `${drawing ? 'L' : 'M'}${x} ${y}`;
    // A lone sample still shows: a short tick.
    if (!drawing && (values[i + 1] ?? null) == null) path += `h1.5`;
    drawing = true;
  });
  return path;
}

/**
 * A small trend line for table rows and cards: SVG, not a chart instance, so 85 rows cost
 * nothing. Decorative (aria-hidden): the row says the numbers.
 */
export function Sparkline({
  values,
  color,
  width = 120,
  height = 24,
  max = 1,
}: {
  values: readonly (number | null)[];
  color: string;
  width?: number;
  height?: number;
  /** Top of the scale: 1 for ratios; for rates, the largest value. */
  max?: number;
}) {
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <path d={sparklinePath(values, width, height, max)} fill="none" stroke={color} strokeWidth="1.5" />
    </svg>
  );
}
