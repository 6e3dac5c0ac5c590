import { useLayoutEffect, useRef, type RefObject } from 'react';
import { connect, init, type ECharts } from 'echarts/core';
import { joinHoverGroup } from './chart-hover';
import type { ChartOption } from './echarts-setup';
import './echarts-setup';
import './echart.css';

export interface EChartProps {
  option: ChartOption;
  /** Names the chart for screen readers (the canvas itself says nothing). */
  ariaLabel: string;
  height: number;
  /** Charts of one group share the crosshair and tooltip (echarts.connect). */
  group?: string;
  /** Drag across a time chart selects a window (ms); without it the chart cannot be zoomed. */
  onZoom?: (fromMs: number, toMs: number) => void;
  /** A click on a category label of the y axis (heatmap rows). */
  onYLabelClick?: (label: string) => void;
  /** Receives the instance, e.g. for PNG export. */
  instanceRef?: RefObject<ECharts | null>;
  /** A hover hint (e.g. "drag to zoom"). */
  hint?: string;
}

/** The performance mark the bench reads: when the page's first chart has finished drawing. */
export const FIRST_CHART_MARK = 'zlens:first-chart';

function markFirstChart(chart: ECharts): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(FIRST_CHART_MARK).length > 0) return;
  const onFinished = (): void => {
    chart.off('finished', onFinished);
    if (performance.getEntriesByName(FIRST_CHART_MARK).length === 0) performance.mark(FIRST_CHART_MARK);
  };
  chart.on('finished', onFinished);
}

interface BrushEndEvent {
  areas?: { coordRange?: unknown }[];
}

/** The one ECharts component of the app: owns the instance, resizes with its box, disposes on unmount. */
export function EChart({ option, ariaLabel, height, group, onZoom, onYLabelClick, instanceRef, hint }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const zoomRef = useRef(onZoom);
  const labelRef = useRef(onYLabelClick);
  useLayoutEffect(() => {
    zoomRef.current = onZoom;
    labelRef.current = onYLabelClick;
  });

  // A layout effect, so the first frame the user sees already has the chart.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = init(container, null, { renderer: 'canvas' });
    chartRef.current = chart;
    if (instanceRef) instanceRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    // Connected charts (echarts.connect) replay a brush in every chart of the group; only the
    // chart the pointer went down on reports the zoom, so one drag is one history entry.
    let pressed = false;
    chart.getZr().on('mousedown', () => {
      pressed = true;
    });
    chart.on('brushEnd', (event) => {
      const range = (event as BrushEndEvent).areas?.[0]?.coordRange;
      // Clear the selection box: the new window replaces it.
      chart.dispatchAction({ type: 'brush', areas: [] });
      if (!pressed) return;
      pressed = false;
      if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number') {
        zoomRef.current?.(range[0], range[1]);
      }
    });
    chart.on('click', (event) => {
      if (event.componentType === 'yAxis' && typeof event.value === 'string') labelRef.current?.(event.value);
    });
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      if (instanceRef) instanceRef.current = null;
    };
  }, [instanceRef]);

  useLayoutEffect(() => {
    const chart = chartRef.current;
    if (!chart) return undefined;
    chart.group = group ?? '';
    if (!group) return undefined;
    connect(group);
    return joinHoverGroup(chart, group);
  }, [group]);

  const zoomable = onZoom !== undefined;
  useLayoutEffect(() => {
    const chart = chartRef.current;
    if (!chart) return undefined;
    const draw = (): void => {
      // replaceMerge drops series that disappeared (a partition gone from the response) instead of
      // keeping stale lines around, while axes and tooltip state survive a refresh.
      chart.setOption(option, { replaceMerge: ['series'] });
      markFirstChart(chart);
      if (zoomable) {
        // Drag-to-zoom without a toolbox: the brush is the chart's cursor from the start.
        chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
      }
    };
    if (!chart.getOption()) {
      // The first drawing happens in the layout effect, so the first frame the user sees has the chart.
      draw();
      return undefined;
    }
    // Updates (a new window, a refresh, back in the history) often reach every chart of a view at
    // once: each redraws in its own task, so the page never freezes for all of them together.
    const timer = setTimeout(draw, 0);
    return () => clearTimeout(timer);
  }, [option, zoomable]);

  return <div ref={containerRef} className="chart" role="img" aria-label={ariaLabel} title={hint} style={{ height }} />;
}
