// "Processor usage by partition" on a CPC view: the CPC's processor usage as a stack of its
// largest partitions' parts and "other" (GET /api/v1/stacked), with the legend's min/max/avg/last,
// CSV/PNG export and the table view of every chart panel.
import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ECharts } from 'echarts/core';
import { ChartActions } from '../components/ChartActions';
import { chartUnitLabels } from '../components/chart-unit-labels';
import { ChartTable } from '../components/ChartTable';
import { HistoryStartNote } from '../components/HistoryStartNote';
import { Panel } from '../components/Panel';
import { THEME_TOKENS } from '../components/theme';
import { UsageChartBody } from '../components/UsageChartBody';
import { valueFormatter, type ChartMarker } from '../components/usage-chart-option';
import { answeredState, type UsageSeriesState } from '../components/use-usage-series';
import { useElementWidth } from '../components/use-element-width';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { STACK_PARTS, stackedQuery } from './capacity-queries';
import { stackedLines } from './stacked-lines';

const PANEL_ID = 'processor-by-partition';
const FALLBACK_WIDTH = 640;

export function StackedPartitionsPanel({ cpc, group, markers }: { cpc: string; group?: string; markers?: readonly ChartMarker[] }) {
  const [{ window, refresh, theme }] = useViewParams();
  const { t } = useI18n();
  const [bodyRef, width, measured] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const shown = usePanelShown(PANEL_ID);
  const query = useQuery({ ...stackedQuery({ cpc, window, maxPoints: width }, refresh), enabled: shown && measured });
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const title = t('stack.title');
  const { data, isError, error, refetch } = query;
  const state = useMemo((): UsageSeriesState => {
    if (isError) return { status: 'error', error, retry: () => void refetch() };
    if (data === undefined) return { status: 'pending' };
    const lines = stackedLines(data, t('stack.other', { n: Math.max(0, data.partitions - data.parts.length) }));
    return answeredState(
      data,
      lines,
      data.total.some((v) => v !== null),
    );
  }, [data, isError, error, refetch, t]);
  const hasData = state.status === 'success' && state.hasData;
  return (
    <Panel
      title={title}
      panelId={PANEL_ID}
      stale={data?.stale ?? false}
      fetchedAt={data?.fetchedAt}
      actions={
        hasData ? (
          <ChartActions
            title={title}
            lines={state.lines}
            instanceRef={instanceRef}
            showTable={showTable}
            onToggleTable={() => setShowTable((current) => !current)}
            background={THEME_TOKENS[theme].layer}
          />
        ) : null
      }
    >
      <p className="panel-note">{t('stack.help', { n: STACK_PARTS })}</p>
      {data?.weighting === 'equal' && hasData ? <p className="panel-note">{t('stack.equalWeights')}</p> : null}
      <div ref={bodyRef}>
        {showTable && hasData ? (
          <ChartTable title={title} lines={state.lines} format={valueFormatter('ratio', chartUnitLabels(t))} />
        ) : (
          <UsageChartBody state={state} ariaLabel={title} height={260} group={group} instanceRef={instanceRef} stacked markers={markers} />
        )}
        {hasData && !showTable ? <HistoryStartNote lines={state.lines} start={state.start} end={state.end} /> : null}
      </div>
    </Panel>
  );
}
