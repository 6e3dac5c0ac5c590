import { useMemo } from 'react';
import { ChannelRowsTable } from '../../components/ChannelRowsTable';
import { Panel, PanelError, PanelLoading } from '../../components/Panel';
import { useChannelRows } from '../../components/use-channel-rows';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';

/** A classic LPAR's channels (those the exporter names it on) with their usage; each links to its channel view. */
export function PartitionChannels({ cpc, partition }: { cpc: string; partition: string }) {
  const { t } = useI18n();
  const shown = usePanelShown('channels');
  const state = useChannelRows(cpc, shown);
  const rows = useMemo(
    () => (state.status === 'success' ? state.rows.filter((row) => row.lpars.includes(partition)) : []),
    [state, partition],
  );
  const title = t('partition.channels');
  let body;
  if (state.status === 'pending') body = <PanelLoading height={80} />;
  else if (state.status === 'error') body = <PanelError error={state.error} onRetry={state.retry} />;
  else if (rows.length === 0) body = <p className="panel-note">{t('partition.noChannels')}</p>;
  else body = <ChannelRowsTable cpc={cpc} rows={rows} label={title} />;
  return (
    <Panel title={title} panelId="channels" stale={state.status === 'success' && state.stale}>
      <p className="panel-note">{t('partition.channelsNote')}</p>
      {body}
    </Panel>
  );
}
