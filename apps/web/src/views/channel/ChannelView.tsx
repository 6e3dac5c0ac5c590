import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { AlertsPanel } from '../../alerts/AlertsPanel';
import { inventoryQuery } from '../../api/queries';
import { NO_VALUE, formatPercent } from '../../components/format';
import { NotFound } from '../../components/NotFound';
import { CpcNotFound } from '../../components/CpcNotFound';
import { PanelError, PanelLoading, StaleBadge } from '../../components/Panel';
import { UsageChartPanel } from '../../components/UsageChartPanel';
import { CHANNEL_METRIC, useChannelRows } from '../../components/use-channel-rows';
import type { UsageSource } from '../../components/use-usage-series';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath, partitionPath } from '../../navigation/paths';
import { useViewParams } from '../../state/use-view-params';

/** `/cpcs/:cpc/channels/:channel`: one channel of a classic CPC, its usage over time by LPAR, stacked. */
export default function ChannelView() {
  const { cpc: cpcName = '', channel: chpid = '' } = useParams();
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const inventory = useQuery(inventoryQuery(refresh));
  const cpc = inventory.data?.cpcs.find((candidate) => candidate.name === cpcName);
  const channels = useChannelRows(cpcName, cpc !== undefined);
  const row = channels.status === 'success' ? channels.rows.find((r) => r.chpid === chpid) : undefined;
  const sharedLine = t('channel.sharedLine');
  const sources = useMemo<UsageSource[]>(
    () => [{ metric: CHANNEL_METRIC, cpc: cpcName, channel: chpid, name: sharedLine }],
    [cpcName, chpid, sharedLine],
  );

  if (inventory.data && !cpc) {
    return <CpcNotFound name={cpcName} />;
  }
  if (channels.status === 'success' && !row) {
    return (
      <NotFound
        title={t('channel.notFound')}
        message={t('channel.notFoundMessage', { cpc: cpcName, name: chpid })}
        backTo={cpcPath(cpcName)}
        backLabel={t('nav.backTo', { name: cpcName })}
      />
    );
  }

  let properties;
  if (channels.status === 'pending') properties = <PanelLoading height={60} />;
  else if (channels.status === 'error') properties = <PanelError error={channels.error} onRetry={channels.retry} />;
  else if (row) {
    properties = (
      <dl className="properties" aria-label={t('channel.kind')}>
        <div>
          <dt>{t('col.type')}</dt>
          <dd>{t('channels.typeUnknown')}</dd>
        </div>
        <div>
          <dt>{t('col.shared')}</dt>
          <dd>{row.shared === null ? NO_VALUE : row.shared ? t('channels.shared') : t('channels.dedicated')}</dd>
        </div>
        <div>
          <dt>{t('col.lpars')}</dt>
          <dd>
            {row.lpars.length === 0
              ? row.shared
                ? t('channels.sharedLpars')
                : NO_VALUE
              : row.lpars.map((lpar, i) => (
                  <span key={lpar}>
                    {i > 0 ? ', ' : ''}
                    <AppLink to={partitionPath(cpcName, lpar)}>{lpar}</AppLink>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('col.now')}</dt>
          <dd>{formatPercent(row.now)}</dd>
        </div>
        <div>
          <dt>{t('col.avg')}</dt>
          <dd>{formatPercent(row.avg)}</dd>
        </div>
        <div>
          <dt>{t('col.peak')}</dt>
          <dd>{formatPercent(row.peak)}</dd>
        </div>
      </dl>
    );
  }

  return (
    <div className="view">
      <title>{`${chpid} · ${cpcName} · zlens`}</title>
      <div className="view-heading">
        <h1>
          {t('channel.kind')} {chpid}
        </h1>
        <span className="view-subtitle">
          <AppLink to={cpcPath(cpcName)}>{cpcName}</AppLink>
        </span>
        {inventory.data?.stale ? <StaleBadge /> : null}
      </div>
      {inventory.isError ? <PanelError error={inventory.error} onRetry={() => void inventory.refetch()} /> : null}
      {cpc !== undefined ? <AlertsPanel filter={{ cpc: cpcName, channel: chpid }} objectName={chpid} /> : null}
      {properties}
      <UsageChartPanel
        title={t('channel.usageByLpar', { name: chpid })}
        panelId="usage"
        sources={sources}
        enabled={cpc !== undefined}
        stacked
        note={t('channel.usageNote')}
        group={`channel:${cpcName}/${chpid}`}
        alerts={{ cpc: cpcName, channel: chpid }}
      />
    </div>
  );
}
