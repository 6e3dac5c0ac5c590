import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n';

export interface PanelProps {
  title: ReactNode;
  /** Shown beside the title: the data may be old because a source was unreachable. */
  stale?: boolean;
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
}

/** The frame of every panel: a titled region whose body shows one of the states below. */
export function Panel({ title, stale = false, level = 2, actions, children, className, panelId }: PanelProps) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section id={panelId} data-panel={panelId} className={`panel ${className ?? ''}`} aria-labelledby={titleId}>
      <header className="panel-header">
        <Heading id={titleId} className="panel-title">
          {title}
        </Heading>
        {stale ? <StaleBadge /> : null}
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

export function StaleBadge() {
  const { t } = useI18n();
  return (
    <span className="tag tag-warning" title={t('panel.staleTitle')}>
      {t('panel.stale')}
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

export function PanelError({ error, onRetry, height }: { error: unknown; onRetry: () => void; height?: number }) {
  const { t, error: describe } = useI18n();
  return (
    <div className="panel-state panel-error" role="alert" style={{ minHeight: height }}>
      <div>
        <strong>{t('panel.couldNotLoad')}</strong> {describe(error)}
      </div>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('panel.retry')}
      </button>
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
