import { useContext, useId, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../api/fetch-json';
import { EMBED_PANEL_PREFIX, embedPanelUrl, parseEmbedFlags } from '../embed/embed-params';
import { EmbedPanelContext } from '../embed/panel-context';
import { useI18n } from '../i18n/use-i18n';
import { appRoot } from '../navigation/base-path';
import { formatAge } from './format-age';
import { PartialNote } from './PartialNote';
import { useNowSeconds } from './use-now';
import './panel.css';

export interface PanelProps {
  title: ReactNode;
  /** Shown beside the title: the data may be old because a source was unreachable. */
  stale?: boolean;
  /** When the stale data was read from its source (unix seconds): the badge says how old it is. */
  fetchedAt?: number | undefined;
  /** The source warned that the answer may lack data (FreshnessShape `partial`); `warnings` says what. */
  partial?: boolean;
  warnings?: readonly string[] | undefined;
  /** Heading level of the title, so each view keeps a sound outline. */
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /**
   * A stable name of the panel within its view (`processor-usage`, `heatmap`): the fragment a
   * link or a later `/embed/panel/...` route uses to address one panel.
   */
  panelId?: string;
  /** What the panel shows, in a sentence or two (the catalog's help of its metrics): behind an (i) button. */
  help?: string | undefined;
}

/** What an API answer says of its freshness (FreshnessShape), as a panel's props; nothing while it loads. */
export function freshnessOf(
  answer: { stale: boolean; fetchedAt?: number | undefined; partial?: boolean | undefined; warnings?: string[] | undefined } | undefined,
) {
  return { stale: answer?.stale ?? false, fetchedAt: answer?.fetchedAt, partial: answer?.partial ?? false, warnings: answer?.warnings };
}

/**
 * The frame of every panel: a titled region whose body shows one of the states below. On the
 * one-panel embed page every panel but the one asked for renders nothing.
 */
export function Panel({
  title,
  stale = false,
  fetchedAt,
  partial = false,
  warnings,
  level = 2,
  actions,
  children,
  className,
  panelId,
  help,
}: PanelProps) {
  const titleId = useId();
  const helpId = useId();
  const [helpShown, setHelpShown] = useState(false);
  const only = useContext(EmbedPanelContext);
  const { search, pathname } = useLocation();
  const embedded = parseEmbedFlags(new URLSearchParams(search), pathname).embed;
  if (only !== null && only !== panelId) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const copy =
    panelId !== undefined && !embedded && !pathname.startsWith(EMBED_PANEL_PREFIX) ? (
      <CopyEmbedLink panelId={panelId} name={typeof title === 'string' ? title : panelId} pathname={pathname} search={search} />
    ) : null;
  return (
    <section
      id={panelId}
      data-panel={panelId}
      className={`panel ${only !== null ? 'panel-embedded ' : ''}${className ?? ''}`}
      aria-labelledby={titleId}
    >
      <header className="panel-header">
        <Heading id={titleId} className="panel-title">
          {title}
        </Heading>
        {help ? (
          <HelpToggle
            name={typeof title === 'string' ? title : (panelId ?? '')}
            shown={helpShown}
            controls={helpId}
            onToggle={() => setHelpShown((s) => !s)}
          />
        ) : null}
        {stale ? <StaleBadge fetchedAt={fetchedAt} /> : null}
        {actions || copy ? (
          <div className="panel-actions">
            {actions}
            {copy}
          </div>
        ) : null}
      </header>
      {help && helpShown ? (
        <p id={helpId} className="panel-help">
          {help}
        </p>
      ) : null}
      <div className="panel-body">
        {partial ? <PartialNote warnings={warnings} /> : null}
        {children}
      </div>
    </section>
  );
}

/** The (i) beside a panel's title: shows and hides what the panel shows, for mouse, touch and keyboard alike. */
function HelpToggle({ name, shown, controls, onToggle }: { name: string; shown: boolean; controls: string; onToggle: () => void }) {
  const { t } = useI18n();
  const label = t('panel.helpLabel', { title: name });
  return (
    <button
      type="button"
      className="panel-help-toggle"
      aria-expanded={shown}
      aria-controls={controls}
      aria-label={label}
      title={label}
      onClick={onToggle}
    >
      <span aria-hidden="true">i</span>
    </button>
  );
}

/** Copies the one-panel URL; its accessible name says which panel, as a view has many of them. */
function CopyEmbedLink({ panelId, name, pathname, search }: { panelId: string; name: string; pathname: string; search: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const url = embedPanelUrl(appRoot(window.location.origin), panelId, pathname, search);
  return (
    <button
      type="button"
      className="button button-ghost button-small"
      title={url}
      aria-label={t('panel.copyEmbedLinkLabel', { title: name })}
      onClick={() => {
        void navigator.clipboard.writeText(url).then(
          () => setCopied(true),
          () => window.prompt(t('panel.copyEmbedLinkLabel', { title: name }), url),
        );
      }}
    >
      {copied ? t('panel.embedLinkCopied') : t('panel.copyEmbedLink')}
    </button>
  );
}

/** "Stale", or "Stale · 3 min old" when the answer says when it was read (FreshnessShape.fetchedAt). */
export function StaleBadge({ fetchedAt }: { fetchedAt?: number | undefined }) {
  const { t, lang } = useI18n();
  const now = useNowSeconds();
  const text = fetchedAt === undefined ? t('panel.stale') : t('panel.staleAge', { age: formatAge(now - fetchedAt, lang) });
  return (
    <span className="tag tag-warning" title={t('panel.staleTitle')} data-stale-badge="">
      {text}
    </span>
  );
}

export function PanelLoading({ label, height }: { label?: string; height?: number }) {
  const { t } = useI18n();
  return (
    <div className="panel-state panel-loading" role="status" style={{ minHeight: height }}>
      <span className="spinner" aria-hidden="true" />
      {label ?? t('panel.loading')}
    </div>
  );
}

/** Whether a Retry can succeed: not for a request the server rejected as it stands. */
function retryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.isRetryable;
}

export function PanelError({ error, onRetry, height }: { error: unknown; onRetry: () => void; height?: number }) {
  const { t, error: describe } = useI18n();
  return (
    <div className="panel-state panel-error" role="alert" style={{ minHeight: height }}>
      <div>
        <strong>{t('panel.couldNotLoad')}</strong> {describe(error)}
      </div>
      {retryable(error) ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('panel.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function PanelNoData({ hint, height, title }: { hint: string; height?: number; title?: string }) {
  const { t } = useI18n();
  return (
    <div className="panel-state panel-no-data" style={{ minHeight: height }}>
      <strong>{title ?? t('panel.noData')}</strong>
      <span>{hint}</span>
    </div>
  );
}
