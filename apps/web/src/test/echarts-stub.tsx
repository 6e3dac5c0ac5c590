// ECharts cannot draw in happy-dom (no canvas), so component tests replace the one chart wrapper
// with this stand-in, which shows what the chart was given. Real drawing is checked in Chromium.
// A zoomable chart gets a button that reports a drag over the middle third of its x axis, the
// way the brush does, so the zoom → URL path can be driven here too.
import type { EChartProps } from '../components/EChart';

export function EChart({ option, ariaLabel, onZoom }: EChartProps) {
  const series = Array.isArray(option.series) ? option.series : [];
  const x = Array.isArray(option.xAxis) ? option.xAxis[0] : option.xAxis;
  const min = typeof x?.min === 'number' ? x.min : 0;
  const max = typeof x?.max === 'number' ? x.max : 0;
  return (
    <div role="img" aria-label={ariaLabel}>
      {series
        .filter((s) => !String(s.name).startsWith('__'))
        .map((s) => (
          <span key={String(s.name)}>{`line ${String(s.name)}: ${Array.isArray(s.data) ? s.data.length : 0} points`}</span>
        ))}
      {onZoom ? (
        <button type="button" onClick={() => onZoom(min + (max - min) / 3, min + ((max - min) * 2) / 3)}>
          {`drag-zoom ${ariaLabel}`}
        </button>
      ) : null}
    </div>
  );
}
