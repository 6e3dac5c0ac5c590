import { useQuery } from '@tanstack/react-query';
import type { CpcSummary, PartitionSummary, Source } from '@zlens/shared';
import { partitionDetailQuery } from '../../api/queries';
import { NO_VALUE, formatMiB } from '../../components/format';
import { sizeUnits } from '../../components/chart-unit-labels';
import { ExportedProperties, PropertiesSource } from '../../components/ExportedProperties';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';
import { useViewParams } from '../../state/use-view-params';

type Counts = Readonly<Record<'cp' | 'ifl' | 'iip' | 'icf', number | null>>;
const TYPE_NAMES = { cp: 'CP', ifl: 'IFL', iip: 'zIIP', icf: 'ICF' } as const;
/** The sources' own names, the same in every language. */
const SOURCE_NAMES: Readonly<Record<Source, string>> = { prometheus: 'Prometheus', hmc: 'HMC' };

/** "2 IFL · 1 zIIP": the types with a value, or "—". */
export function formatCounts(counts: Counts): string {
  const parts = (Object.keys(TYPE_NAMES) as (keyof Counts)[])
    .filter((type) => counts[type] != null && (counts[type] ?? 0) > 0)
    .map((type) => `${counts[type]} ${TYPE_NAMES[type]}`);
  return parts.length > 0 ? parts.join(' · ') : NO_VALUE;
}

/** "Shared" / "Dedicated" in the page's language; another value as the HMC wrote it. */
function processorModeText(value: string | null | undefined, t: ReturnType<typeof useI18n>['t']): string | null {
  if (value === 'shared' || value === 'dedicated') return t(`processorMode.${value}`);
  return value ?? null;
}

/**
 * Status, type, mode and sources from the inventory; processors, weights, memory from the detail
 * endpoint (the HMC, or without it the exporter's resource metrics: the source is named), and
 * every resource metric the exporter exports for the partition.
 */
export function PartitionProperties({ cpc, partition }: { cpc: CpcSummary; partition: PartitionSummary }) {
  const [{ refresh }] = useViewParams();
  const { t, mode } = useI18n();
  const detail = useQuery(partitionDetailQuery(cpc.name, partition.name, refresh));
  const d = detail.data;
  const dash = detail.isPending ? '…' : NO_VALUE;
  return (
    <>
      <dl className="properties" aria-label={t('partition.properties')}>
        <div>
          <dt>{t('col.status')}</dt>
          <dd>
            <StatusTag status={partition.status} notExported={partition.statusNotExported === true} />
          </dd>
        </div>
        <div>
          <dt>{t('col.type')}</dt>
          <dd>{d?.type ?? partition.type ?? NO_VALUE}</dd>
        </div>
        <div>
          <dt>{t('partition.cpcMode')}</dt>
          <dd>{mode(cpc.mode)}</dd>
        </div>
        <div>
          <dt>{t('partition.processorMode')}</dt>
          <dd>{processorModeText(d?.processorMode, t) ?? dash}</dd>
        </div>
        <div>
          <dt>{t('partition.processors')}</dt>
          <dd>{d ? formatCounts(d.processors) : dash}</dd>
        </div>
        <div>
          <dt>{t('partition.weights')}</dt>
          <dd>{d ? formatCounts(d.weights) : dash}</dd>
        </div>
        <div>
          <dt>{t('partition.memory')}</dt>
          <dd>{d ? `${formatMiB(d.memoryMiB.initial, sizeUnits(t))} / ${formatMiB(d.memoryMiB.maximum, sizeUnits(t))}` : dash}</dd>
        </div>
        <div>
          <dt>{t('partition.sources')}</dt>
          <dd>{partition.sources.length > 0 ? partition.sources.map((source) => SOURCE_NAMES[source]).join(', ') : NO_VALUE}</dd>
        </div>
        {d?.description ? (
          <div>
            <dt>{t('partition.description')}</dt>
            <dd>{d.description}</dd>
          </div>
        ) : null}
        <PropertiesSource source={d?.propertiesSource} />
      </dl>
      <ExportedProperties exported={d?.exported} />
    </>
  );
}
