import { formatStatus, statusTone } from './format';

/** A CPC or partition status as a coloured tag; the text carries the meaning, the colour helps. */
export function StatusTag({ status }: { status: string | null }) {
  return <span className={`tag tag-${statusTone(status)}`}>{formatStatus(status)}</span>;
}
