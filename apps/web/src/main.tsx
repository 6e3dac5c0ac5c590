import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { routes } from './app/routes';
import { useAuthStore } from './auth/auth-store';
import { takeFragmentToken } from './auth/fragment-token';
import { applyTheme } from './components/theme';
import { routerBasename } from './navigation/base-path';
import { parseViewParams } from './state/view-params';
// IBM Plex Sans, the typeface of Carbon (design.md "Look"), bundled: a portal's browser may not
// have it. Latin only, in the two weights zlens uses; Chinese text falls back to the system's CJK font.
import '@fontsource/ibm-plex-sans/latin-400.css';
import '@fontsource/ibm-plex-sans/latin-600.css';
import './app/base.css';
import './app/controls.css';
import './app/data-table.css';

// A sign-in token on the link (`#token=`) goes to memory and out of the address bar before the
// router reads the location.
const token = takeFragmentToken(window.location, window.history);
if (token !== null) useAuthStore.getState().setToken(token);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The theme and language of the link before the first paint (Layout keeps them in step after).
const initial = parseViewParams(new URLSearchParams(window.location.search));
applyTheme(document.documentElement, initial.theme);
document.documentElement.lang = initial.lang;
createRoot(container).render(
  <StrictMode>
    <App router={createBrowserRouter(routes, { basename: routerBasename() })} />
  </StrictMode>,
);
