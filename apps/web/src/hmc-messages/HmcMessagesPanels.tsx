import { useQuery } from '@tanstack/react-query';
import type { HardwareMessagesResponse } from '@zlens/shared';
import { formatDateTime } from '../components/format';
import { Panel, PanelError, PanelLoading } from '../components/Panel';
import { ShowAllButton, useShowAll } from '../components/ShowAll';
import { useI18n } from '../i18n/use-i18n';
import type { MessageKey } from '../i18n/translate';
import { useViewParams } from '../state/use-view-params';
import { hardwareMessagesQuery, osMessagesQuery } from './hmc-message-queries';
import './hmc-messages.css';

/** Rows shown before "show all": the newest ones. */
const FIRST_ROWS = 10;

const UNAVAILABLE: Readonly<Record<NonNullable<HardwareMessagesResponse['unavailableReason']>, MessageKey>> = {
  'needs-hmc': 'hmcMessages.needsHmc',
  'not-permitted': 'hmcMessages.notPermitted',
  'unknown-to-hmc': 'hmcMessages.unknownToHmc',
};

// Both answers share the reasons (HMC_MESSAGES_UNAVAILABLE in @zlens/shared).
function Unavailable({ reason }: { reason: HardwareMessagesResponse['unavailableReason'] }) {
  const { t } = useI18n();
  return <p className="panel-note">{t(UNAVAILABLE[reason ?? 'needs-hmc'])}</p>;
}

/** A CPC's hardware messages (and the console's) in the view's window: what the HMC itself recorded. */
export function HardwareMessagesPanel({ cpc }: { cpc: string }) {
  const [{ window, refresh }] = useViewParams();
  const { t } = useI18n();
  const query = useQuery(hardwareMessagesQuery(cpc, window, refresh));
  const data = query.data;
  const rows = data?.available === true ? data.messages : [];
  const list = useShowAll(rows, FIRST_ROWS);
  return (
    <Panel
      title={data?.available === true ? t('hmcMessages.hardwareCount', { n: rows.length }) : t('hmcMessages.hardware')}
      panelId="hardware-messages"
    >
      {query.isPending ? <PanelLoading height={48} /> : null}
      {query.isError ? <PanelError error={query.error} onRetry={() => void query.refetch()} height={48} /> : null}
      {data?.available === false ? <Unavailable reason={data.unavailableReason} /> : null}
      {data?.available === true && rows.length === 0 ? <p className="panel-note">{t('hmcMessages.noneInRange')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('hmcMessages.hardware')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hmcMessages.time')}</th>
                <th scope="col">{t('hmcMessages.origin')}</th>
                <th scope="col">{t('hmcMessages.text')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((m) => (
                <tr key={`${m.origin}/${m.time}/${m.text}`}>
                  <td className="nowrap">{formatDateTime(m.time * 1000)}</td>
                  <td>{m.origin === 'cpc' ? cpc : t('hmcMessages.console')}</td>
                  <td>{m.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowAllButton list={list} />
      <p className="panel-note muted">{t('hmcMessages.readOnly')}</p>
    </Panel>
  );
}

/** A partition's last operating-system messages, newest first; held ones wait for an operator. */
export function OsMessagesPanel({ cpc, partition }: { cpc: string; partition: string }) {
  const [{ refresh }] = useViewParams();
  const { t } = useI18n();
  const query = useQuery(osMessagesQuery(cpc, partition, refresh));
  const data = query.data;
  const rows = data?.available === true ? data.messages : [];
  const list = useShowAll(rows, FIRST_ROWS);
  return (
    <Panel title={t('hmcMessages.os')} panelId="os-messages">
      {query.isPending ? <PanelLoading height={48} /> : null}
      {query.isError ? <PanelError error={query.error} onRetry={() => void query.refetch()} height={48} /> : null}
      {data?.available === false ? <Unavailable reason={data.unavailableReason} /> : null}
      {data?.available === true && rows.length === 0 ? <p className="panel-note">{t('hmcMessages.noOsMessages')}</p> : null}
      {rows.length > 0 ? (
        <ol className="os-messages">
          {list.rows.map((m) => (
            <li key={m.sequence}>
              <span className="muted nowrap">{m.time === null ? `#${m.sequence}` : formatDateTime(m.time * 1000)}</span>
              {m.held ? <span className="tag tag-warning">{t('hmcMessages.held')}</span> : null}
              {m.priority && !m.held ? <span className="tag tag-warning">{t('hmcMessages.priority')}</span> : null}
              <code>{m.text}</code>
            </li>
          ))}
        </ol>
      ) : null}
      <ShowAllButton list={list} />
    </Panel>
  );
}
