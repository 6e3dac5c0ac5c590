import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../api/queries';
import { useI18n } from '../i18n/use-i18n';

/** "Signed in as <user>" in the header; nothing in auth mode none (no user) or before the BFF answered. */
export function SignedInAs() {
  const { t } = useI18n();
  const session = useQuery(sessionQuery());
  const user = session.data?.user;
  if (user === undefined || user === null) return null;
  return <span className="app-user">{t('auth.signedInAs', { user })}</span>;
}
