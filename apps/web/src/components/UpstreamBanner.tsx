// One banner for the whole view when a data source is slow or down, instead of a spinner or an
// error in every panel: which source, in plain words, and since when it last answered. It polls
// the BFF's GET /api/v1/status (statusQuery, every 2 s), so it appears within a few seconds of an
// outage and goes by itself when the source answers again; the panels meanwhile keep their last
// data, marked stale by the BFF's answers.
import { useQuery } from '@tanstack/react-query';
import type { StatusResponse } from '@zlens/shared';
import { ApiError } from '../api/fetch-json';
import { statusQuery } from '../api/queries';
import { useI18n } from '../i18n/use-i18n';
import type { MessageKey } from '../i18n/translate';
import { formatAge } from './format-age';
import './upstream-banner.css';

type Upstream = StatusResponse['upstreams'][number];

const MESSAGES: Readonly<Record<Upstream['name'], Readonly<Record<'slow' | 'down', MessageKey>>>> = {
  prometheus: { slow: 'upstream.prometheus.slow', down: 'upstream.prometheus.down' },
  hmc: { slow: 'upstream.hmc.slow', down: 'upstream.hmc.down' },
};

export function UpstreamBanner() {
  const { t, lang } = useI18n();
  const status = useQuery(statusQuery());
  const lines: { key: string; text: string; lastOkAt: number | null }[] = [];
  // The server is away when the status request gets no answer, or a 5xx from a proxy before it. A
  // 401 signs the page out (query-client.ts) and a 404 is a BFF without /status: neither is an outage.
  const serverAway =
    status.isError && (!(status.error instanceof ApiError) || status.error.kind === 'network' || status.error.status >= 500);
  if (serverAway) {
    lines.push({ key: 'server', text: t('upstream.server'), lastOkAt: null });
  } else {
    for (const upstream of status.data?.upstreams ?? []) {
      if (upstream.state === 'ok') continue;
      lines.push({ key: upstream.name, text: t(MESSAGES[upstream.name][upstream.state]), lastOkAt: upstream.lastOkAt });
    }
  }
  if (lines.length === 0) return null;
  // "Now" is when the last status answer (or failure) came: ages move with each poll.
  const nowSeconds = Math.max(status.dataUpdatedAt, status.errorUpdatedAt) / 1000;
  return (
    <div className="upstream-banner" role="status" aria-live="polite" data-testid="upstream-banner">
      <strong>{t('upstream.banner')}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line.key} data-upstream={line.key}>
            {line.text}
            {line.lastOkAt === null ? null : (
              <span className="upstream-banner-age"> ({t('upstream.lastOk', { age: formatAge(nowSeconds - line.lastOkAt, lang) })})</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
