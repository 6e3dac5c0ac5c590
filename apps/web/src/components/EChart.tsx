import { useLayoutEffect, useRef } from 'react';
import { connect, init, type ECharts } from 'echarts/core';
import type { ChartOption } from './echarts-setup';
import './echarts-setup';

export interface EChartProps {
  option: ChartOption;
  /** Names the chart for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  height: number;
  /** Charts of one group share the crosshair and tooltip (echarts.connect). */
  group?: string;
}

/** The one ECharts component of the app: owns the instance, resizes with its box, disposes on unmount. */
export function EChart({ option, ariaLabel, height, group }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  // A layout effect, so the first frame the user sees already has the chart.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.group = group ?? '';
    if (group) connect(group);
  }, [group]);

  useLayoutEffect(() => {
    // replaceMerge drops series that disappeared (a partition gone from the response) instead of
    // keeping stale lines around, while axes and tooltip state survive a refresh.
    chartRef.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);

  return <div ref={containerRef} className="chart" role="img" aria-label={ariaLabel} style={{ height }} />;
}
