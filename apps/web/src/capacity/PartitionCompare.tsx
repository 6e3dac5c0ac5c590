// "Compare partitions" on a CPC view: the picked partitions (URL `pick`), a search box over the
// CPC's partitions to pick more, and one chart per partition usage metric of the CPC's mode with a
// line per picked partition. The picks also come from the top partitions, the partitions table and
// the heatmap.
import { useId, useMemo, useState } from 'react';
import { CATALOG, METRIC_IDS, metricAppliesTo, type CpcSummary, type MetricId } from '@zlens/shared';
import { Panel } from '../components/Panel';
import { PickCheckbox } from '../components/PickCheckbox';
import { ShowAllButton, useShowAll } from '../components/ShowAll';
import { UsageChartPanel } from '../components/UsageChartPanel';
import type { UsageSource } from '../components/use-usage-series';
import { useI18n } from '../i18n/use-i18n';
import { MAX_PICKS, usePartitionPicks, type PartitionPicks } from '../state/partition-picks';
import './capacity-panels.css';

/** The partition usage ratios a comparison shows: per mode, without the per-processor-type ones. */
export function compareMetrics(mode: CpcSummary['mode']): MetricId[] {
  return METRIC_IDS.filter((id) => {
    const m = CATALOG[id];
    return (
      m.scope === 'partition' &&
      m.unit === 'ratio' &&
      m.processorType === undefined &&
      (mode === null ? id === 'zhmc_partition_processor_usage_ratio' : metricAppliesTo(m, mode))
    );
  });
}

/** Names containing `text` (any case), in the CPC's order. */
export function matchPartitions(names: readonly string[], text: string): string[] {
  const needle = text.trim().toLocaleLowerCase();
  return needle === '' ? [...names] : names.filter((name) => name.toLocaleLowerCase().includes(needle));
}

export function PartitionCompare({ cpc, group }: { cpc: CpcSummary; group: string }) {
  const { t, metric: metricTitle } = useI18n();
  const picks = usePartitionPicks();
  const names = useMemo(() => cpc.partitions.map((p) => p.name), [cpc.partitions]);
  const known = picks.picks.filter((name) => names.includes(name));
  const unknown = picks.picks.filter((name) => !names.includes(name));
  const metrics = compareMetrics(cpc.mode);
  return (
    <>
      <Panel title={t('compare.title')} panelId="compare" actions={known.length > 0 ? <ClearButton picks={picks} /> : null}>
        <PickedChips picked={known} picks={picks} />
        {unknown.length > 0 ? <p className="panel-note">{t('compare.unknown', { names: unknown.join(', ') })}</p> : null}
        {known.length === 0 ? <p className="panel-note">{t('compare.none')}</p> : null}
        {picks.full ? <p className="panel-note">{t('compare.full', { n: MAX_PICKS })}</p> : null}
        <PartitionSearch names={names} picks={picks} />
      </Panel>
      {known.length > 0 ? (
        <div className="chart-grid">
          {metrics.map((metric) => (
            <CompareChart
              key={metric}
              metric={metric}
              cpc={cpc.name}
              partitions={known}
              title={t('compare.chart', { title: metricTitle(metric) })}
              group={group}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}

function CompareChart({
  metric,
  cpc,
  partitions,
  title,
  group,
}: {
  metric: MetricId;
  cpc: string;
  partitions: readonly string[];
  title: string;
  group: string;
}) {
  const sources = useMemo<UsageSource[]>(
    () => partitions.map((partition) => ({ metric, cpc, partition, name: partition })),
    [metric, cpc, partitions],
  );
  return (
    <UsageChartPanel
      title={title}
      sources={sources}
      group={group}
      panelId={`compare-${metric.replace(/^zhmc_partition_/, '').replace(/_/g, '-')}`}
    />
  );
}

function ClearButton({ picks }: { picks: PartitionPicks }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-ghost button-small" onClick={picks.clear}>
      {t('compare.clear')}
    </button>
  );
}

function PickedChips({ picked, picks }: { picked: readonly string[]; picks: PartitionPicks }) {
  const { t } = useI18n();
  if (picked.length === 0) return null;
  return (
    <ul className="pick-chips" aria-label={t('compare.picked')}>
      {picked.map((name) => (
        <li key={name}>
          <span>{name}</span>
          <button
            type="button"
            className="pick-chip-remove"
            aria-label={t('compare.remove', { name })}
            title={t('compare.remove', { name })}
            onClick={() => picks.toggle(name)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Matches shown before "Show all N": four rows of the list's columns at 1440 px, a screen at 390 px. */
export const SEARCH_FIRST_MATCHES = 24;

/** A filter box over the CPC's partitions, each match with its pick checkbox; the first matches whole, the rest on request. */
function PartitionSearch({ names, picks }: { names: readonly string[]; picks: PartitionPicks }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const matches = useMemo(() => matchPartitions(names, text), [names, text]);
  const shown = useShowAll(matches, SEARCH_FIRST_MATCHES);
  return (
    <div className="pick-search">
      <label htmlFor={id}>{t('compare.search')}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={t('compare.searchPlaceholder')}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="panel-note" aria-live="polite">
        {t('compare.matches', { n: matches.length, total: names.length })}
      </p>
      <ul className="pick-list" aria-label={t('compare.search')}>
        {shown.rows.map((name) => (
          <li key={name}>
            <label>
              <PickCheckbox name={name} picks={picks} />
              <span>{name}</span>
            </label>
          </li>
        ))}
      </ul>
      <ShowAllButton list={shown} />
    </div>
  );
}
