import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { AdapterDetail, MetricId } from '@zlens/shared';
import { AlertsPanel } from '../../alerts/AlertsPanel';
import { adapterDetailQuery, inventoryQuery } from '../../api/queries';
import { NO_VALUE } from '../../components/format';
import { NotFound } from '../../components/NotFound';
import { CpcNotFound } from '../../components/CpcNotFound';
import { Panel, PanelError, StaleBadge } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { metricColor } from '../../components/theme';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';
import { AdapterPartitionUsage } from './AdapterPartitionUsage';
import { AdapterPartitions } from './AdapterPartitions';

const USAGE: MetricId = 'zhmc_adapter_usage_ratio';
/** A classic CPC's crypto adapters have their own usage metric (crypto-usage), by PCHID. */
const CRYPTO_USAGE: MetricId = 'zhmc_crypto_adapter_usage_ratio';
const PORT_BYTES: readonly MetricId[] = ['zhmc_port_bytes_sent_count_total', 'zhmc_port_bytes_received_count_total'];
const PORT_PACKETS: readonly MetricId[] = ['zhmc_port_packets_sent_count_total', 'zhmc_port_packets_received_count_total'];
const PORT_DROPS: readonly MetricId[] = ['zhmc_port_packets_sent_dropped_count_total', 'zhmc_port_packets_received_dropped_count_total'];

/** `/cpcs/:cpc/adapters/:adapter`: usage, port traffic and the partitions that use the adapter. */
export default function AdapterView() {
  const { cpc: cpcName = '', adapter: adapterName = '' } = useParams();
  const [{ refresh }] = useViewParams();
  const { t, metric: metricTitle } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const adapter = cpc?.adapters.find((candidate) => candidate.name === adapterName);
  const known = inventory.data !== undefined || inventory.isError;
  const group = `adapter:${cpcName}/${adapterName}`;
  // Port traffic exists for network adapters; with the family unknown (no HMC), ask anyway.
  const network = adapter?.family == null || adapter.family === 'network';

  const sourcesOf = useMemo(
    () =>
      (metrics: readonly MetricId[]): UsageSource[] =>
        metrics.map((metric) => ({ metric, cpc: cpcName, adapter: adapterName, name: metricTitle(metric) })),
    [cpcName, adapterName, metricTitle],
  );
  const usageMetric = adapter?.family === 'crypto' && cpc?.mode === 'classic' ? CRYPTO_USAGE : USAGE;
  const usageSources = useMemo<UsageSource[]>(
    () => [{ metric: usageMetric, cpc: cpcName, adapter: adapterName, name: metricTitle(usageMetric), color: metricColor(usageMetric) }],
    [usageMetric, cpcName, adapterName, metricTitle],
  );

  if (inventory.data && !cpc) {
    return <CpcNotFound name={cpcName} />;
  }
  if (inventory.data && !adapter) {
    return (
      <NotFound
        title={t('adapter.notFound')}
        message={t('adapter.notFoundMessage', { cpc: cpcName, name: adapterName })}
        backTo={cpcPath(cpcName)}
        backLabel={t('nav.backTo', { name: cpcName })}
      />
    );
  }

  return (
    <div className="view">
      <title>{`${adapterName} · ${cpcName} · zlens`}</title>
      <div className="view-heading">
        <h1>{adapterName}</h1>
        {adapter ? <StatusTag status={adapter.status} notExported={adapter.statusNotExported === true} /> : null}
        <span className="view-subtitle">
          <AppLink to={cpcPath(cpcName)}>{cpcName}</AppLink>
          {adapter?.adapterId ? ` · PCHID ${adapter.adapterId}` : ''}
          {adapter?.type ? ` · ${adapter.type}` : ''}
        </span>
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {adapter ? <AlertsPanel filter={{ cpc: cpcName, adapter: adapterName }} objectName={adapterName} /> : null}
      {cpc ? <AdapterProperties cpc={cpcName} adapter={adapterName} /> : null}
      <div className="chart-grid chart-grid-2">
        <UsageChartPanel
          title={metricTitle(usageMetric)}
          sources={usageSources}
          enabled={known}
          group={group}
          alerts={{ cpc: cpcName, adapter: adapterName }}
        />
        {network ? (
          <UsageChartPanel
            title={t('adapter.portBytes')}
            panelId="port-bytes"
            sources={sourcesOf(PORT_BYTES)}
            enabled={known}
            group={group}
            unit="bytes-per-second"
          />
        ) : (
          <Panel title={t('adapter.portBytes')}>
            <p className="panel-note">{t('adapter.notNetwork')}</p>
          </Panel>
        )}
        {network ? (
          <UsageChartPanel
            title={t('adapter.portPackets')}
            panelId="port-packets"
            sources={sourcesOf(PORT_PACKETS)}
            enabled={known}
            group={group}
            unit="packets-per-second"
          />
        ) : null}
        {network ? (
          <UsageChartPanel
            title={t('adapter.portDrops')}
            panelId="port-drops"
            sources={sourcesOf(PORT_DROPS)}
            enabled={known}
            group={group}
            unit="packets-per-second"
          />
        ) : null}
      </div>
      {adapter ? <AdapterPartitionUsage cpc={cpcName} adapter={adapter} known={known} group={group} /> : null}
      {cpc ? <AdapterPartitions cpc={cpcName} adapter={adapterName} network={network} /> : null}
    </div>
  );
}

/** A port by its own name, or the HMC's default name ("Port 0", or none) in the page's language. */
export function portName(port: AdapterDetail['ports'][number], t: ReturnType<typeof useI18n>['t']): string {
  const generic = /^Port (\d+)$/.exec(port.name ?? '');
  if (port.name === null || generic) return t('adapter.port', { n: generic?.[1] ?? port.index });
  return port.name;
}

function AdapterProperties({ cpc, adapter }: { cpc: string; adapter: string }) {
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const detail = useQuery(adapterDetailQuery(cpc, adapter, refresh));
  if (detail.isPending) return null;
  if (detail.isError) return <PanelError error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <dl className="properties" aria-label={t('adapter.properties')}>
      <div>
        <dt>{t('col.pchid')}</dt>
        <dd>{d.adapterId ?? NO_VALUE}</dd>
      </div>
      <div>
        <dt>{t('col.type')}</dt>
        <dd>{d.type ?? NO_VALUE}</dd>
      </div>
      <div>
        <dt>{t('col.family')}</dt>
        <dd>{d.family ? t(`family.${d.family}`) : NO_VALUE}</dd>
      </div>
      <div>
        <dt>{t('adapter.cardType')}</dt>
        <dd>{d.detectedCardType ?? NO_VALUE}</dd>
      </div>
      <div>
        <dt>{t('adapter.ports')}</dt>
        <dd>{d.ports.length > 0 ? d.ports.map((port) => portName(port, t)).join(', ') : NO_VALUE}</dd>
      </div>
    </dl>
  );
}
