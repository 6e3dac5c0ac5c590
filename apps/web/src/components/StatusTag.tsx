import { useI18n } from '../i18n/use-i18n';
import { statusTone } from './format';

/** A CPC, partition or adapter status as a coloured tag; the text carries the meaning, the colour helps. */
export function StatusTag({ status }: { status: string | null }) {
  const { status: label } = useI18n();
  return <span className={`tag tag-${statusTone(status)}`}>{label(status)}</span>;
}
