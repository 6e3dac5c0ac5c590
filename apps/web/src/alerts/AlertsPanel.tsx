import { useQuery } from '@tanstack/react-query';
import type { Alert, AlertsQuery, AlertsResponse } from '@zlens/shared';
import { formatDateTime } from '../components/format';
import { Panel, PanelError, PanelLoading } from '../components/Panel';
import type { MessageKey } from '../i18n/translate';
import { useI18n } from '../i18n/use-i18n';
import { AppLink } from '../navigation/AppLink';
import { adapterPath, cpcPath, partitionPath } from '../navigation/paths';
import { useViewParams } from '../state/use-view-params';
import { alertsQuery } from './alert-queries';
import './alerts.css';

/** Why no alert state can be shown: live mode, or an engine that evaluates no alerting rule. */
const UNAVAILABLE: Readonly<Record<NonNullable<AlertsResponse['unavailableReason']>, MessageKey>> = {
  'needs-prometheus': 'alerts.needsPrometheus',
  'needs-rules-engine': 'alerts.needsRulesEngine',
};

const SEVERITY_TONE: Readonly<Record<string, string>> = { critical: 'error', warning: 'warning' };

/**
 * The alerts Prometheus evaluates for the view's object (the whole fleet when the filter is empty),
 * firing first, most severe first. zlens shows them; Prometheus and Alertmanager own them.
 */
export function AlertsPanel({ filter, objectName }: { filter: AlertsQuery; objectName?: string }) {
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const alerts = useQuery(alertsQuery(filter, refresh));
  const firing = alerts.data?.alerts.filter((a) => a.state === 'firing').length ?? 0;
  const title = alerts.data?.available === true ? t('alerts.titleCount', { n: firing }) : t('alerts.title');
  return (
    <Panel title={title} stale={alerts.data?.stale === true} panelId="alerts" className="alerts-panel">
      {alerts.isPending ? <PanelLoading label={t('alerts.loading')} height={48} /> : null}
      {alerts.isError ? <PanelError error={alerts.error} onRetry={() => void alerts.refetch()} height={48} /> : null}
      {alerts.data?.available === false ? (
        <p className="panel-note">{t(UNAVAILABLE[alerts.data.unavailableReason ?? 'needs-prometheus'])}</p>
      ) : null}
      {alerts.data?.available === true && alerts.data.alerts.length === 0 ? (
        <p className="panel-note">{objectName === undefined ? t('alerts.none') : t('alerts.noneFor', { name: objectName })}</p>
      ) : null}
      {alerts.data?.available === true && alerts.data.alerts.length > 0 ? (
        <ul className="alert-list">
          {alerts.data.alerts.map((alert) => (
            <AlertRow key={`${alert.name}/${JSON.stringify(alert.object)}/${alert.state}`} alert={alert} />
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  const { t, lang } = useI18n();
  const summary = (lang === 'zh-CN' ? alert.summaryZh : null) ?? alert.summary ?? alert.name;
  const severity = ['critical', 'warning', 'info'].includes(alert.severity)
    ? t(`alerts.severity.${alert.severity as 'critical' | 'warning' | 'info'}`)
    : alert.severity;
  return (
    <li className="alert-row">
      <span className={`tag tag-${SEVERITY_TONE[alert.severity] ?? 'neutral'}`}>{severity}</span>
      {alert.state === 'pending' ? <span className="tag tag-neutral">{t('alerts.pending')}</span> : null}
      {alert.silenced === true ? <span className="tag tag-neutral">{t('alerts.silenced')}</span> : null}
      {alert.inhibited === true ? <span className="tag tag-neutral">{t('alerts.inhibited')}</span> : null}
      <span className="alert-summary">{summary}</span>
      <ObjectLink alert={alert} />
      {alert.activeAt !== null ? <span className="muted">{t('alerts.since', { time: formatDateTime(alert.activeAt * 1000) })}</span> : null}
    </li>
  );
}

/** A link to the view of the object the alert is about: the most specific view zlens has. */
function ObjectLink({ alert }: { alert: Alert }) {
  const { cpc, partition, adapter, channel } = alert.object;
  if (cpc === null) return null;
  if (partition !== null && channel === null) return <AppLink to={partitionPath(cpc, partition)}>{`${cpc} / ${partition}`}</AppLink>;
  if (adapter !== null) return <AppLink to={adapterPath(cpc, adapter)}>{`${cpc} / ${adapter}`}</AppLink>;
  return <AppLink to={cpcPath(cpc)}>{channel === null ? cpc : `${cpc} / ${channel}`}</AppLink>;
}
