import { Suspense, useLayoutEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { PanelLoading } from '../components/Panel';
import { applyTheme } from '../components/theme';
import { useI18n } from '../i18n/use-i18n';
import { useViewParams } from '../state/use-view-params';
import { Breadcrumbs } from './Breadcrumbs';
import { LanguagePicker, RefreshPicker, ThemePicker, ThresholdPicker, TimeRangePicker } from './Pickers';

/** The app chrome: header with the product name, breadcrumbs and the pickers of the view state. */
export function Layout() {
  const { search } = useLocation();
  const [{ theme, lang }] = useViewParams();
  const { t } = useI18n();

  useLayoutEffect(() => {
    applyTheme(document.documentElement, theme);
  }, [theme]);
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className="app">
      <header className="app-header">
        <Link to={{ pathname: '/', search }} className="app-name">
          zlens
        </Link>
        <span className="app-tagline">{t('app.tagline')}</span>
        <div className="app-header-pickers" role="group" aria-label={t('app.settings')}>
          <LanguagePicker />
          <ThemePicker />
        </div>
      </header>
      <div className="toolbar">
        <Breadcrumbs />
        <div className="toolbar-pickers">
          <TimeRangePicker />
          <RefreshPicker />
          <ThresholdPicker />
        </div>
      </div>
      <main className="app-main">
        <Suspense fallback={<PanelLoading label={t('app.loadingView')} height={200} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
