import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/App';
import { routes } from '../app/routes';
import { createQueryClient } from '../api/query-client';

/** Renders the whole app (real routes, real query client) at `path`, in memory; `basename` as main.tsx passes it. */
export function renderApp(path: string, options: { basename?: string } = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path], basename: options.basename });
  const queryClient = createQueryClient();
  // Same retry rule as production, without the back-off wait.
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 0 } });
  const result = render(<App router={router} queryClient={queryClient} />);
  return { ...result, router, queryClient };
}
