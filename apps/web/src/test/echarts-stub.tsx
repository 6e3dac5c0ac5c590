// ECharts cannot draw in happy-dom (no canvas), so component tests replace the one chart wrapper
// with this stand-in, which shows what the chart was given. Real drawing is checked in Chromium.
import type { EChartProps } from '../components/EChart';

export function EChart({ option, ariaLabel }: EChartProps) {
  const series = Array.isArray(option.series) ? option.series : [];
  return (
    <div role="img" aria-label={ariaLabel}>
      {series.map((s) => (
        <span key={String(s.name)}>{`line ${String(s.name)}: ${Array.isArray(s.data) ? s.data.length : 0} points`}</span>
      ))}
    </div>
  );
}
