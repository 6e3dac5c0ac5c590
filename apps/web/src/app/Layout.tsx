import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { PanelLoading } from '../components/Panel';
import { Breadcrumbs } from './Breadcrumbs';
import { RefreshPicker, TimeRangePicker } from './Pickers';

/** The app chrome: header with the product name, breadcrumbs and the time and refresh pickers. */
export function Layout() {
  const { search } = useLocation();
  return (
    <div className="app">
      <header className="app-header">
        <Link to={{ pathname: '/', search }} className="app-name">
          zlens
        </Link>
        <span className="app-tagline">IBM Z and LinuxONE usage</span>
      </header>
      <div className="toolbar">
        <Breadcrumbs />
        <div className="toolbar-pickers">
          <TimeRangePicker />
          <RefreshPicker />
        </div>
      </div>
      <main className="app-main">
        <Suspense fallback={<PanelLoading label="Loading the view…" height={200} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
