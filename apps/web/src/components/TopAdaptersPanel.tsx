import { useId, useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ADAPTER_TOP_FAMILIES, type AdapterFamily, type AdapterTopEntry } from '@zlens/shared';
import { adapterTopQuery } from '../api/physical-queries';
import { seriesQuery } from '../api/queries';
import { usePanelShown } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { AppLink } from '../navigation/AppLink';
import { adapterPath, cpcPath } from '../navigation/paths';
import { useViewParams } from '../state/use-view-params';
import { TOP_BYS, TOP_NS } from '../state/view-params';
import { downloadText } from './download';
import { NO_VALUE, fileName, formatPercent } from './format';
import { Panel, PanelError, PanelLoading, PanelNoData } from './Panel';
import { Sparkline } from './Sparkline';
import { metricColor } from './theme';

const SPARK_POINTS = 60;

/** The rows as CSV: ratios 0..1 as the API sends them, an empty cell where there is no value. */
export function adapterTopCsv(rows: readonly AdapterTopEntry[], headers: readonly string[]): string {
  const cell = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [headers.map(cell).join(',')];
  for (const r of rows)
    lines.push(
      [r.cpc, r.adapter, r.adapterId ?? '', r.family ?? '', r.type ?? '', r.avg ?? '', r.peak ?? ''].map((v) => cell(String(v))).join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The busiest adapters of one CPC (`cpc`) or of the fleet: N, ranking and family selectable,
 * with sparklines. DPM adapters link to their view; classic crypto adapters are named by PCHID.
 */
export function TopAdaptersPanel({ cpc = null }: { cpc?: string | null }) {
  const [{ window, refresh }] = useViewParams();
  // N and the ranking are the panel's own: the URL's `top`/`topBy` belong to the top partitions.
  const [top, setTop] = useState<number>(TOP_NS[0]);
  const [topBy, setTopBy] = useState<(typeof TOP_BYS)[number]>('avg');
  const { t } = useI18n();
  const [family, setFamily] = useState<AdapterFamily | null>(null);
  const nId = useId();
  const byId = useId();
  const familyId = useId();
  const panelId = cpc === null ? 'top-adapters-fleet' : 'top-adapters';
  const shown = usePanelShown(panelId);
  const query = useQuery({ ...adapterTopQuery({ cpc, family, n: top, window }, refresh), enabled: shown });
  const rows = useMemo(() => (query.data ? (topBy === 'avg' ? query.data.byAverage : query.data.byPeak) : []), [query.data, topBy]);
  // One series query per CPC and metric in the ranking (the same a CPC view's adapter table makes).
  const subjects = useMemo(() => {
    const byKey = new Map<string, { cpc: string; metric: AdapterTopEntry['metric'] }>();
    for (const r of rows) byKey.set(JSON.stringify([r.cpc, r.metric]), { cpc: r.cpc, metric: r.metric });
    return [...byKey.entries()];
  }, [rows]);
  const trendKeys = subjects.map(([key]) => key);
  const trends = useQueries({
    queries: subjects.map(([, subject]) => ({ ...seriesQuery({ ...subject, window, maxPoints: SPARK_POINTS }, refresh), enabled: shown })),
  });
  const trendOf = (row: AdapterTopEntry): (number | null)[] => {
    const data = trends[trendKeys.indexOf(JSON.stringify([row.cpc, row.metric]))]?.data;
    const label = row.metric === 'zhmc_crypto_adapter_usage_ratio' ? 'adapter_pchid' : 'adapter';
    return data?.series.find((s) => s.labels[label] === row.adapter)?.values ?? [];
  };
  const title = cpc === null ? t('adapters.topFleet') : t('adapters.top');
  const headers = [t('col.cpc'), t('col.adapter'), t('col.pchid'), t('adapters.family'), t('col.type'), t('col.avg'), t('col.peak')];

  const controls = (
    <div className="panel-controls">
      <label htmlFor={familyId}>{t('adapters.family')}</label>
      <select
        id={familyId}
        value={family ?? ''}
        onChange={(e) => setFamily(ADAPTER_TOP_FAMILIES.find((f) => f === e.target.value) ?? null)}
      >
        <option value="">{t('adapters.familyAll')}</option>
        {ADAPTER_TOP_FAMILIES.map((f) => (
          <option key={f} value={f}>
            {t(`family.${f}`)}
          </option>
        ))}
      </select>
      <label htmlFor={nId}>{t('adapters.topN')}</label>
      <select id={nId} value={top} onChange={(e) => setTop(TOP_NS.find((n) => String(n) === e.target.value) ?? TOP_NS[0])}>
        {TOP_NS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label htmlFor={byId}>{t('adapters.topBy')}</label>
      <select
        id={byId}
        value={topBy}
        onChange={(e) => {
          const next = TOP_BYS.find((b) => b === e.target.value);
          if (next) setTopBy(next);
        }}
      >
        {TOP_BYS.map((b) => (
          <option key={b} value={b}>
            {b === 'avg' ? t('cpc.byAvg') : t('cpc.byPeak')}
          </option>
        ))}
      </select>
      {rows.length > 0 ? (
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={t('panel.exportCsvLabel', { title })}
          onClick={() => downloadText(adapterTopCsv(rows, headers), fileName(title, 'csv'), 'text/csv;charset=utf-8')}
        >
          {t('panel.exportCsv')}
        </button>
      ) : null}
    </div>
  );

  let body;
  if (query.isPending) body = <PanelLoading height={160} />;
  else if (query.isError) body = <PanelError error={query.error} onRetry={() => void query.refetch()} height={160} />;
  else if (rows.length === 0) body = <PanelNoData hint={t('adapters.none')} height={120} />;
  else {
    body = (
      <div className="table-scroll">
        <table className="data-table data-table-ranked" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{t('col.adapter')}</th>
              {cpc === null ? <th scope="col">{t('col.cpc')}</th> : null}
              <th scope="col">{t('col.pchid')}</th>
              <th scope="col">{t('adapters.family')}</th>
              <th scope="col">{t('col.type')}</th>
              <th scope="col" className="numeric">
                {t('col.avg')}
              </th>
              <th scope="col" className="numeric">
                {t('col.peak')}
              </th>
              <th scope="col">{t('cpc.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.cpc}/${row.metric}/${row.adapter}`}>
                <th scope="row">{row.hasView ? <AppLink to={adapterPath(row.cpc, row.adapter)}>{row.adapter}</AppLink> : row.adapter}</th>
                {cpc === null ? (
                  <td>
                    <AppLink to={cpcPath(row.cpc)}>{row.cpc}</AppLink>
                  </td>
                ) : null}
                <td>{row.adapterId ?? NO_VALUE}</td>
                <td>{row.family ? t(`family.${row.family}`) : NO_VALUE}</td>
                <td>{row.type ?? NO_VALUE}</td>
                <td className="numeric">{formatPercent(row.avg)}</td>
                <td className="numeric">{formatPercent(row.peak)}</td>
                <td>
                  <Sparkline values={trendOf(row)} color={metricColor(row.metric)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <Panel title={title} panelId={panelId} stale={query.data?.stale ?? false} actions={controls}>
      <p className="panel-note">{t('adapters.topNote')}</p>
      {body}
    </Panel>
  );
}
