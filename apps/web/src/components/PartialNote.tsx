// A panel's answer that its source says may lack data (FreshnessShape `partial`): one line in the
// page's language saying so, and what the source said behind a disclosure, for whoever runs it.
// Prometheus' own words (its `warnings`) are English text about the query, not for every viewer;
// its `infos` (sent as "info: …") are hints that do not make an answer partial and are not shown.
import { useI18n } from '../i18n/use-i18n';
import './partial-note.css';

const INFO_PREFIX = 'info: ';

/** The warnings that say data may be missing (the infos left out). */
export function partialWarnings(warnings: readonly string[] | undefined): string[] {
  return (warnings ?? []).filter((warning) => !warning.startsWith(INFO_PREFIX));
}

export function PartialNote({ warnings }: { warnings?: readonly string[] | undefined }) {
  const { t } = useI18n();
  const said = partialWarnings(warnings);
  return (
    <div className="partial-note" role="note" data-partial-note="">
      <strong>{t('panel.partial')}</strong>
      {t('panel.partialText')}
      {said.length > 0 ? (
        <details>
          <summary>{t('panel.partialDetails', { n: said.length })}</summary>
          <ul lang="en">
            {said.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
