import { AppLink } from '../navigation/AppLink';
import './not-found.css';

/** A view for something that does not exist: says what, and offers the way back. */
export function NotFound({ title, message, backTo, backLabel }: { title: string; message: string; backTo: string; backLabel: string }) {
  return (
    <div className="not-found" role="region" aria-label="Not found">
      <title>{`${title} · zlens`}</title>
      <h1>{title}</h1>
      <p>{message}</p>
      <AppLink to={backTo} className="button button-primary">
        {backLabel}
      </AppLink>
    </div>
  );
}
