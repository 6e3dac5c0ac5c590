import { Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/use-i18n';
import '../components/not-found.css';

/** Shown instead of a blank page when a view throws while rendering (or its chunk fails to load). */
export function RouteError() {
  const error = useRouteError();
  const { t, error: describe } = useI18n();
  return (
    <div className="not-found" role="alert">
      <title>{`${t('error.title')} · zlens`}</title>
      <h1>{t('error.title')}</h1>
      <p>{describe(error)}</p>
      <Link to="/" reloadDocument className="button button-primary">
        {t('error.reload')}
      </Link>
    </div>
  );
}
