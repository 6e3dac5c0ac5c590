import type { ExportedProperty } from '@zlens/shared';
import { NO_VALUE } from './format';
import { useI18n } from '../i18n/use-i18n';

/**
 * Every resource metric the exporter exports for a CPC or partition, as Prometheus has it now:
 * the metric name, the exporter's own HELP text (its words, in English) and the value — a number,
 * or the text of the `value` label for the exporter's text properties. Collapsed by default.
 */
export function ExportedProperties({ exported }: { exported: readonly ExportedProperty[] | undefined }) {
  const { t } = useI18n();
  if (exported === undefined || exported.length === 0) return null;
  return (
    <details className="exported-properties">
      <summary>{t('props.exported', { n: exported.length })}</summary>
      <div className="table-scroll">
        <table className="data-table data-table-compact">
          <thead>
            <tr>
              <th scope="col">{t('props.metric')}</th>
              <th scope="col">{t('props.value')}</th>
            </tr>
          </thead>
          <tbody>
            {exported.map((p) => (
              <tr key={`${p.metric}/${p.text ?? ''}`}>
                <th scope="row" title={p.help}>
                  <code>{p.metric}</code>
                  <div className="panel-note">{p.help}</div>
                </th>
                <td>{p.text ?? (p.value === null ? NO_VALUE : String(p.value))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** "Properties from: HMC / Prometheus (IBM zhmc exporter) / not known". */
export function PropertiesSource({ source }: { source: 'hmc' | 'prometheus' | null | undefined }) {
  const { t } = useI18n();
  if (source === undefined) return null;
  return (
    <div>
      <dt>{t('props.source')}</dt>
      <dd>{source === null ? t('props.source.none') : t(`props.source.${source}`)}</dd>
    </div>
  );
}
