import { useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts/core';
import { useQuery } from '@tanstack/react-query';
import { fleetPowerQuery } from '../../api/physical-queries';
import { NO_VALUE, formatKilowattHours, formatWatts } from '../../components/format';
import { Panel, PanelLoading, PanelNoData } from '../../components/Panel';
import { Sparkline } from '../../components/Sparkline';
import { THEME_TOKENS } from '../../components/theme';
import { ChartActions } from '../../components/ChartActions';
import { chartUnitLabels } from '../../components/chart-unit-labels';
import { ChartTable } from '../../components/ChartTable';
import { UsageChartBody } from '../../components/UsageChartBody';
import { valueFormatter } from '../../components/usage-chart-option';
import { answeredState, type UsageSeriesState } from '../../components/use-usage-series';
import { useElementWidth } from '../../components/use-element-width';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { energyPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';

const PANEL_ID = 'site-power';
const COLOR = '#8a3ffc';

/**
 * The site's power: now / average / peak and energy over the range, the total over time (CSV, PNG,
 * table) and the CPCs ranked by average power, each with its sparkline and energy.
 */
export function FleetPower() {
  const [{ window, refresh, theme }] = useViewParams();
  const { t, mode } = useI18n();
  const [bodyRef, width, measured] = useElementWidth<HTMLDivElement>(640);
  const shown = usePanelShown(PANEL_ID);
  const query = useQuery({ ...fleetPowerQuery(window, width, refresh), enabled: shown && measured });
  const instanceRef = useRef<ECharts | null>(null);
  const [showTable, setShowTable] = useState(false);
  const kwh = t('unit.kwh');
  const title = t('fleetEnergy.title');
  const totalName = t('fleetEnergy.total');

  const state = useMemo((): UsageSeriesState => {
    if (query.isPending) return { status: 'pending' };
    if (query.isError) return { status: 'error', error: query.error, retry: () => void query.refetch() };
    const d = query.data;
    const lines = [{ name: totalName, color: COLOR, timestamps: d.timestamps, values: d.total }];
    return answeredState(
      d,
      lines,
      d.total.some((v) => v !== null),
    );
  }, [query, totalName]);
  const data = query.data;
  const peakOfAll = Math.max(1, ...(data?.cpcs ?? []).map((c) => c.peak ?? 0));

  const actions =
    state.status === 'success' && state.hasData ? (
      <ChartActions
        title={title}
        lines={state.lines}
        instanceRef={instanceRef}
        showTable={showTable}
        onToggleTable={() => setShowTable((s) => !s)}
        background={THEME_TOKENS[theme].layer}
      />
    ) : null;

  let ranking = null;
  if (query.isPending) ranking = <PanelLoading height={80} />;
  else if (query.isError)
    ranking = null; // The chart above says it, with Retry.
  else if (data && data.cpcs.length === 0) ranking = <PanelNoData hint={t('fleetEnergy.noPower')} height={80} />;
  else if (data) {
    ranking = (
      <table className="data-table data-table-ranked" aria-label={t('fleetEnergy.ranking')}>
        <caption className="visually-hidden">{t('fleetEnergy.ranking')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.cpc')}</th>
            <th scope="col" className="numeric">
              {t('col.now')}
            </th>
            <th scope="col" className="numeric">
              {t('col.avg')}
            </th>
            <th scope="col" className="numeric">
              {t('col.peak')}
            </th>
            <th scope="col" className="numeric">
              {t('col.energy')}
            </th>
            <th scope="col">{t('cpc.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {data.cpcs.map((c) => (
            <tr key={c.cpc}>
              <th scope="row">
                <AppLink to={energyPath(c.cpc)}>{c.cpc}</AppLink> <span className="view-subtitle">{mode(c.mode)}</span>
              </th>
              <td className="numeric">{formatWatts(c.now)}</td>
              <td className="numeric">{formatWatts(c.avg)}</td>
              <td className="numeric">{formatWatts(c.peak)}</td>
              <td className="numeric">{formatKilowattHours(c.energyKWh, kwh)}</td>
              <td>
                <Sparkline values={c.values} color={COLOR} max={peakOfAll} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <Panel title={title} panelId={PANEL_ID} stale={data?.stale ?? false} actions={actions}>
      {data ? (
        <dl className="properties" aria-label={title}>
          <div>
            <dt>{t('fleetEnergy.now')}</dt>
            <dd>{formatWatts(data.now)}</dd>
          </div>
          <div>
            <dt>{t('fleetEnergy.average')}</dt>
            <dd>{formatWatts(data.avg)}</dd>
          </div>
          <div>
            <dt>{t('fleetEnergy.peak')}</dt>
            <dd>{formatWatts(data.peak)}</dd>
          </div>
          <div>
            <dt>{t('fleetEnergy.energy')}</dt>
            <dd>{data.energyKWh === null ? NO_VALUE : formatKilowattHours(data.energyKWh, kwh)}</dd>
          </div>
        </dl>
      ) : null}
      <div ref={bodyRef}>
        {showTable && state.status === 'success' ? (
          <ChartTable title={title} lines={state.lines} format={valueFormatter('watts', chartUnitLabels(t))} />
        ) : (
          <UsageChartBody state={state} ariaLabel={totalName} height={180} unit="watts" instanceRef={instanceRef} group="fleet" />
        )}
      </div>
      {data && data.missing.length > 0 ? (
        <p className="panel-note">{`${t('fleetEnergy.missing', { n: data.missing.length })} ${data.missing.join(', ')}`}</p>
      ) : null}
      <h3>{t('fleetEnergy.ranking')}</h3>
      {ranking}
      <p className="panel-note">{t('fleetEnergy.estimate')}</p>
    </Panel>
  );
}
