import type { CpcSummary } from '@zlens/shared';
import { Panel } from '../../components/Panel';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../navigation/AppLink';
import { cpcPath, partitionPath } from '../../navigation/paths';
import { unhealthyPartitions } from './unhealthy';
import './fleet.css';

/** The partitions an operator should look at first, at the top of the fleet view. */
export function UnhealthyPartitions({ cpcs }: { cpcs: readonly CpcSummary[] }) {
  const { t } = useI18n();
  const rows = unhealthyPartitions(cpcs);
  // Partitions whose status the exporter does not export cannot be checked: never "all healthy" for them.
  const notExported = cpcs.reduce(
    (n, cpc) => n + cpc.partitions.filter((p) => p.status === null && p.statusNotExported === true).length,
    0,
  );
  return (
    <Panel title={`${t('fleet.unhealthy')} (${rows.length})`} className="unhealthy-panel" panelId="unhealthy-partitions">
      {notExported > 0 ? <p className="panel-note">{t('fleet.statusNotExported', { n: notExported })}</p> : null}
      {rows.length === 0 ? (
        notExported > 0 ? null : (
          <p className="panel-note">{t('fleet.unhealthyNone')}</p>
        )
      ) : (
        <ul className="unhealthy-list">
          {rows.map((row) => (
            <li key={`${row.cpc}/${row.partition}`}>
              <StatusTag status={row.status} />
              <AppLink to={partitionPath(row.cpc, row.partition)}>{row.partition}</AppLink>
              <span className="muted">
                <AppLink to={cpcPath(row.cpc)}>{row.cpc}</AppLink>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
