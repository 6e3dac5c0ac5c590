import { useI18n } from '../i18n/use-i18n';
import { statusTone } from './format';

/**
 * A CPC, partition or adapter status as a coloured tag; the text carries the meaning, the colour
 * helps. `notExported`: no source knows the status because the exporter does not export it, which
 * is said as such — never as "Unknown", which means a source was asked and could not tell.
 */
export function StatusTag({ status, notExported = false }: { status: string | null; notExported?: boolean }) {
  const { status: label, t } = useI18n();
  if (status === null && notExported) {
    return (
      <span className="tag tag-neutral" title={t('status.notExportedHint')}>
        {t('status.notExported')}
      </span>
    );
  }
  return <span className={`tag tag-${statusTone(status)}`}>{label(status)}</span>;
}
