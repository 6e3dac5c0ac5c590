import { useI18n } from '../i18n/use-i18n';
import type { PartitionPicks } from '../state/partition-picks';

/** Picks a partition for the comparison charts (the `pick` parameters of the URL), or takes it out. */
export function PickCheckbox({ name, picks }: { name: string; picks: PartitionPicks }) {
  const { t } = useI18n();
  const checked = picks.isPicked(name);
  const label = t('compare.pickLabel', { name });
  return (
    <input
      type="checkbox"
      className="pick-checkbox"
      checked={checked}
      disabled={!checked && picks.full}
      aria-label={label}
      title={!checked && picks.full ? t('compare.full', { n: picks.picks.length }) : label}
      onChange={() => picks.toggle(name)}
    />
  );
}
