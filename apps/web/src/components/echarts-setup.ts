// The only place that touches the ECharts registry: the tree-shaken core plus the chart types
// and the components zlens draws, registered once when this module is first imported.
import { use as registerModules, type ComposeOption } from 'echarts/core';
import { HeatmapChart, LineChart, type HeatmapSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  BrushComponent,
  GridComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
  type BrushComponentOption,
  type GridComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

registerModules([
  LineChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  MarkAreaComponent,
  BrushComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkAreaComponentOption
  | BrushComponentOption
  | VisualMapComponentOption
>;
export type { HeatmapSeriesOption, LineSeriesOption };
