import { NotFound } from '../components/NotFound';
import { useI18n } from '../i18n/use-i18n';
import { fleetPath } from '../navigation/paths';

export function NotFoundPage() {
  const { t } = useI18n();
  return <NotFound title={t('notFound.title')} message={t('notFound.message')} backTo={fleetPath()} backLabel={t('nav.backToFleet')} />;
}
