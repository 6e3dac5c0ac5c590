import { Link, useRouteError } from 'react-router';
import { errorMessage } from '../api/fetch-json';

/** Shown instead of a blank page when a view throws while rendering (or its chunk fails to load). */
export function RouteError() {
  const error = useRouteError();
  return (
    <div className="not-found" role="alert">
      <title>Error · zlens</title>
      <h1>Something went wrong</h1>
      <p>{errorMessage(error)}</p>
      <Link to="/" reloadDocument className="button button-primary">
        Reload zlens
      </Link>
    </div>
  );
}
