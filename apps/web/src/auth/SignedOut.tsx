import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/use-i18n';
import { useAuthStore, type SignedOutState } from './auth-store';
import '../components/not-found.css';

/**
 * Shown by Layout instead of the view while the BFF refuses the page (401): the BFF's reason and
 * what to do. No redirect and no automatic retry: in a frame the portal sends a token
 * (`zlens:setToken`), otherwise the operator opens zlens through the portal again. "Try again"
 * asks the BFF once more. No min-height: an embedded page reports its height to the portal.
 */
export function SignedOut({ why, framed }: { why: SignedOutState; framed: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <section className="signed-out" aria-labelledby="signed-out-title">
      <title>{`${t('auth.signedOut')} · zlens`}</title>
      <h1 id="signed-out-title">{t('auth.signedOut')}</h1>
      {/* The reason in the page's language; the BFF's own words when it gave no known reason (a proxy's 401). */}
      <p role="status">{why.reason === null ? why.message : t(`auth.reason.${why.reason}`)}</p>
      <p>{framed ? t('auth.waitForPortal') : t('auth.openThroughPortal')}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => {
          useAuthStore.getState().clearSignedOut();
          void queryClient.invalidateQueries();
        }}
      >
        {t('auth.tryAgain')}
      </button>
    </section>
  );
}
