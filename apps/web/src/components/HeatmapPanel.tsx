import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ECharts } from 'echarts/core';
import { purple10, purple30, purple50, purple70, purple90 } from '@carbon/colors';
import type { HeatmapResponse, MetricId } from '@zlens/shared';
import { heatmapQuery } from '../api/queries';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { AppLink } from '../navigation/AppLink';
import { partitionPath } from '../navigation/paths';
import { usePartitionPicks } from '../state/partition-picks';
import { useViewParams } from '../state/use-view-params';
import { EChart } from './EChart';
import { formatPercent } from './format';
import { heatmapHeight, heatmapOption, heatmapRowLabel } from './heatmap-option';
import { Panel, freshnessOf, PanelError, PanelLoading, PanelNoData } from './Panel';
import { PickCheckbox } from './PickCheckbox';
import { ShowAllButton, useShowAll } from './ShowAll';
import { THEME_TOKENS } from './theme';
import { ChartActions } from './ChartActions';
import { useElementWidth } from './use-element-width';
import './heatmap.css';

/** Carbon's sequential purple: light to dark on a light theme; on a dark theme low usage fades into the background. */
const HEATMAP_COLORS = [purple10, purple30, purple50, purple70, purple90] as const;
const HEATMAP_COLORS_DARK = [purple90, purple70, purple50, purple30, purple10] as const;
const FALLBACK_WIDTH = 1100;

/**
 * Rows drawn before "show all" (the busiest, about 500 px): every row is drawn whole, the panel
 * grows with them; a fleet of 8 × 85 partitions would be 680 rows and a second to draw.
 */
export const HEATMAP_ROW_LIMIT = 30;
const NO_ROWS: HeatmapResponse['rows'] = [];

/**
 * Partitions × time for one CPC (or, without `cpc`, the whole fleet), sorted by average with the
 * busiest on top. Each row label is a link to the partition: a click on the canvas label, or from
 * the keyboard the list of links after the chart; the table view lists them as links too.
 */
export function HeatmapPanel({ title, metric, cpc }: { title: string; metric: MetricId; cpc: string | null }) {
  const [{ window, refresh, theme }] = useViewParams();
  const { t, help } = useI18n();
  const [bodyRef, width, measured] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  // The grid's labels take about 150 px; one cell per ~6 px of the rest keeps 85 rows cheap to
  // draw (about 15,000 cells) and each cell wide enough to point at.
  const maxPoints = Math.max(20, Math.round((width - 170) / 6));
  const shown = usePanelShown('heatmap');
  const query = useQuery({ ...heatmapQuery({ metric, cpc, window, maxPoints }, refresh), enabled: shown && measured });
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const navigate = useNavigate();
  const { search } = useLocation();
  const withCpc = cpc === null;
  const tokens = THEME_TOKENS[theme];
  const full = query.data;
  // Rows come sorted by average, busiest first: the first rows are the ones an operator looks for.
  const list = useShowAll(full?.rows ?? NO_ROWS, HEATMAP_ROW_LIMIT);
  const data = useMemo(() => (full ? { ...full, rows: [...list.rows] } : full), [full, list.rows]);

  const option = useMemo(
    () =>
      data && data.rows.length > 0 ? heatmapOption(data, withCpc, tokens, theme === 'dark' ? HEATMAP_COLORS_DARK : HEATMAP_COLORS) : null,
    [data, withCpc, tokens, theme],
  );
  const rows = useMemo(
    () =>
      (data?.rows ?? []).map((row) => ({
        label: heatmapRowLabel(row.labels, withCpc),
        cpc: row.labels.cpc ?? cpc ?? '',
        partition: row.labels.partition ?? '',
        avg: row.avg,
        line: { name: heatmapRowLabel(row.labels, withCpc), timestamps: data?.timestamps ?? [], values: row.values },
      })),
    [data, withCpc, cpc],
  );
  const byLabel = useMemo(() => new Map(rows.map((row) => [row.label, row])), [rows]);
  // On a CPC's heatmap a click on a cell picks its partition for the comparison (the name opens it).
  const picks = usePartitionPicks();
  const { toggle } = picks;
  const pickable = cpc !== null;
  useEffect(() => {
    const chart = instanceRef.current;
    if (chart === null || !pickable || showTable || option === null) return;
    const onClick = (event: { componentType?: string; value?: unknown }) => {
      if (event.componentType !== 'series' || !Array.isArray(event.value)) return;
      // The option draws the rows bottom-up (busiest on top).
      const row = rows[rows.length - 1 - Number(event.value[1])];
      if (row) toggle(row.partition);
    };
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [option, rows, pickable, showTable, toggle]);

  let body;
  let links: ReactNode = null;
  if (query.isPending) body = <PanelLoading height={200} />;
  else if (query.isError) body = <PanelError error={query.error} onRetry={() => void query.refetch()} height={200} />;
  else if (!option) body = <PanelNoData hint={t('panel.noSamples')} height={120} />;
  else if (showTable) {
    body = (
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="data-table data-table-compact">
          <thead>
            <tr>
              <th scope="col">{t('col.partition')}</th>
              <th scope="col" className="numeric">
                {t('col.avg')}
              </th>
              {pickable ? <th scope="col">{t('compare.column')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">
                  <AppLink to={partitionPath(row.cpc, row.partition)}>{row.label}</AppLink>
                </th>
                <td className="numeric">{formatPercent(row.avg)}</td>
                {pickable ? (
                  <td>
                    <PickCheckbox name={row.partition} picks={picks} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  } else {
    body = (
      <EChart
        option={option}
        ariaLabel={`${title}: ${t('cpc.heatmapRows', { n: rows.length })}`}
        height={heatmapHeight(rows.length)}
        instanceRef={instanceRef}
        onYLabelClick={(label) => {
          const row = byLabel.get(label);
          if (row) void navigate({ pathname: partitionPath(row.cpc, row.partition), search });
        }}
      />
    );
    // The labels on the canvas answer a mouse only: the same rows as links, next in the tab order,
    // shown over the foot of the chart while one of them has focus.
    links = (
      <ul className="heatmap-links visually-hidden" aria-label={t('cpc.heatmapLinks', { title })}>
        {rows.map((row) => (
          <li key={row.label}>
            <AppLink to={partitionPath(row.cpc, row.partition)}>{row.label}</AppLink>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Panel
      title={title}
      panelId="heatmap"
      help={help(metric)}
      {...freshnessOf(data)}
      actions={
        option ? (
          <ChartActions
            title={title}
            lines={rows.map((row) => row.line)}
            instanceRef={instanceRef}
            showTable={showTable}
            onToggleTable={() => setShowTable((shown) => !shown)}
            background={tokens.layer}
            object={cpc ?? undefined}
            percent
            pngLegend={false}
          />
        ) : null
      }
    >
      {option ? (
        <div className="heatmap-caption">
          <p className="panel-subtitle">
            {t('cpc.heatmapRows', { n: list.total })}
            {pickable ? ` · ${t('compare.heatmapHint')}` : ''}
          </p>
          <span className="heatmap-scale" aria-hidden="true">
            0%
            <span
              style={{ background: `linear-gradient(to right, ${(theme === 'dark' ? HEATMAP_COLORS_DARK : HEATMAP_COLORS).join(', ')})` }}
            />
            100%
          </span>
        </div>
      ) : null}
      <div ref={bodyRef} className="heatmap-body">
        {body}
        {links}
      </div>
      <ShowAllButton list={list} />
    </Panel>
  );
}
