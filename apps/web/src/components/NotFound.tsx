import { AppLink } from '../navigation/AppLink';
import './not-found.css';

/** A view for something that does not exist: says what, offers a near name it may have meant, and the way back. */
export function NotFound({
  title,
  message,
  backTo,
  backLabel,
  suggestion,
}: {
  title: string;
  message: string;
  backTo: string;
  backLabel: string;
  /** "Did you mean …": the words and the path of what exists under a near name. */
  suggestion?: { text: string; to: string } | null;
}) {
  return (
    <div className="not-found" role="region" aria-label={title}>
      <title>{`${title} · zlens`}</title>
      <h1>{title}</h1>
      <p>{message}</p>
      {suggestion ? (
        <p>
          <AppLink to={suggestion.to}>{suggestion.text}</AppLink>
        </p>
      ) : null}
      <AppLink to={backTo} className="button button-primary">
        {backLabel}
      </AppLink>
    </div>
  );
}
