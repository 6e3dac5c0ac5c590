import { useId, type ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  /** Shown beside the title: the data may be old because a source was unreachable. */
  stale?: boolean;
  /** Heading level of the title, so each view keeps a sound outline. */
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The frame of every panel: a titled region whose body shows one of the states below. */
export function Panel({ title, stale = false, level = 2, actions, children, className }: PanelProps) {
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={titleId}>
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
  return (
    <span className="tag tag-warning" title="A data source could not be reached; what is shown may be old.">
      Stale
    </span>
  );
}

export function PanelLoading({ label = 'Loading…', height }: { label?: string; height?: number }) {
  return (
    <div className="panel-state panel-loading" role="status" style={{ minHeight: height }}>
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function PanelError({ message, onRetry, height }: { message: string; onRetry: () => void; height?: number }) {
  return (
    <div className="panel-state panel-error" role="alert" style={{ minHeight: height }}>
      <div>
        <strong>Could not load the data.</strong> {message}
      </div>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function PanelNoData({ hint, height }: { hint: string; height?: number }) {
  return (
    <div className="panel-state panel-no-data" style={{ minHeight: height }}>
      <strong>No data</strong>
      <span>{hint}</span>
    </div>
  );
}
