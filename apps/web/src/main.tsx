import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/App';
import { routes } from './app/routes';
import { applyTheme } from './components/theme';
import { parseViewParams } from './state/view-params';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The theme and language of the link before the first paint (Layout keeps them in step after).
const initial = parseViewParams(new URLSearchParams(window.location.search));
applyTheme(document.documentElement, initial.theme);
document.documentElement.lang = initial.lang;
createRoot(container).render(
  <StrictMode>
    <App router={createBrowserRouter(routes)} />
  </StrictMode>,
);
