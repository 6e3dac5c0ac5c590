import { Suspense, useLayoutEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { SignedInAs } from '../auth/SignedInAs';
import { SignedOut } from '../auth/SignedOut';
import { useFragmentToken } from '../auth/use-fragment-token';
import { PanelLoading } from '../components/Panel';
import { setDisplayZone } from '../components/format';
import { applyTheme } from '../components/theme';
import { UpstreamBanner } from '../components/UpstreamBanner';
import { parseEmbedFlags } from '../embed/embed-params';
import { useEmbedBridge } from '../embed/use-embed-bridge';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { Breadcrumbs } from './Breadcrumbs';
import { LanguagePicker, RefreshPicker, ThemePicker, ThresholdPicker, TimeRangePicker } from './Pickers';
import { ComparePicker, TimeZonePicker, UnreadableParamsNotice, YAxisPicker } from './TimeControls';
import './layout.css';
import './view.css';

/**
 * The app chrome: header with the product name, breadcrumbs and the pickers of the view state.
 * Embedded (`?embed=1`, `/embed/panel/...`) it drops the header and breadcrumbs, and talks to
 * the portal page (embed/use-embed-bridge.ts); in any frame it takes a sign-in token from the
 * portal. Signed out (a 401 from the BFF) it shows "Not signed in" instead of the view.
 */
export function Layout() {
  const { search, pathname } = useLocation();
  const [{ theme, lang, tz }] = useViewParams();
  // Before the views under it render: every time on the page follows the URL's zone.
  setDisplayZone(tz);
  const { t } = useI18n();
  const flags = parseEmbedFlags(new URLSearchParams(search), pathname);
  const framed = window.parent !== window;
  const signedOut = useAuthStore((state) => state.signedOut);
  useEmbedBridge({ embed: flags.embed, framed });
  useFragmentToken();
  const showPickers = !flags.panel && !(flags.embed && flags.hideTimePicker && flags.hideRefresh);
  const showToolbar = signedOut === null && (!flags.hideBreadcrumbs || showPickers);

  useLayoutEffect(() => {
    applyTheme(document.documentElement, theme);
  }, [theme]);
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className={flags.embed ? 'app app-embed' : 'app'}>
      {flags.embed ? null : (
        // Past the header and pickers, for keyboard users. Not href="#main": under <base href> that
        // would leave the view for the app's root.
        <a
          className="skip-link"
          href="#main"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('app.skipToContent')}
        </a>
      )}
      {flags.embed ? null : (
        <header className="app-header">
          <Link to={{ pathname: '/', search }} className="app-name">
            zlens
          </Link>
          <span className="app-tagline">{t('app.tagline')}</span>
          <div className="app-header-pickers" role="group" aria-label={t('app.settings')}>
            <LanguagePicker />
            <ThemePicker />
          </div>
          {signedOut === null ? <SignedInAs /> : null}
        </header>
      )}
      {showToolbar ? (
        <div className="toolbar">
          {flags.hideBreadcrumbs ? null : <Breadcrumbs />}
          {showPickers ? (
            <div className="toolbar-pickers">
              {flags.hideTimePicker ? null : <TimeRangePicker />}
              {flags.hideTimePicker ? null : <ComparePicker />}
              {flags.hideTimePicker ? null : <YAxisPicker />}
              {flags.hideTimePicker ? null : <TimeZonePicker />}
              {flags.hideRefresh ? null : <RefreshPicker />}
              {flags.embed ? null : <ThresholdPicker />}
            </div>
          ) : null}
        </div>
      ) : null}
      {signedOut === null ? <UpstreamBanner /> : null}
      {signedOut === null ? <UnreadableParamsNotice /> : null}
      <main className="app-main" id="main" tabIndex={-1}>
        {signedOut === null ? (
          <Suspense fallback={<PanelLoading label={t('app.loadingView')} height={200} />}>
            <Outlet />
          </Suspense>
        ) : (
          <SignedOut why={signedOut} framed={framed} />
        )}
      </main>
    </div>
  );
}
