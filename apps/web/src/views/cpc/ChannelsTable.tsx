import { Panel, PanelError, PanelLoading } from '../../components/Panel';
import { ChannelRowsTable } from '../../components/ChannelRowsTable';
import { useChannelRows } from '../../components/use-channel-rows';
import { usePanelShown } from '../../embed/panel-context';
import { useI18n } from '../../i18n/use-i18n';

/** The channels of a classic CPC: CSS.CHPID, shared, LPARs, usage now / average / peak with a trend. */
export function ChannelsTable({ cpc }: { cpc: string }) {
  const { t } = useI18n();
  const shown = usePanelShown('channels');
  const state = useChannelRows(cpc, shown);
  const title = t('channels.title', { n: state.status === 'success' ? state.rows.length : '…' });
  let body;
  if (state.status === 'pending') body = <PanelLoading height={120} />;
  else if (state.status === 'error') body = <PanelError error={state.error} onRetry={state.retry} height={120} />;
  else if (state.rows.length === 0) body = <p className="panel-note">{t('channels.none')}</p>;
  else body = <ChannelRowsTable cpc={cpc} rows={state.rows} label={title} />;
  return (
    <Panel title={title} panelId="channels" stale={state.status === 'success' && state.stale}>
      <p className="panel-note">{t('channels.note')}</p>
      {body}
    </Panel>
  );
}
