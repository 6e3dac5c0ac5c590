import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Each view is its own chunk: the first page load fetches only the shell and the view it opens.
const FleetView = lazy(() => import('../views/fleet/FleetView'));
const CpcView = lazy(() => import('../views/cpc/CpcView'));
const PartitionView = lazy(() => import('../views/partition/PartitionView'));
const AdapterView = lazy(() => import('../views/adapter/AdapterView'));

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <FleetView /> },
      { path: 'cpcs/:cpc', element: <CpcView /> },
      { path: 'cpcs/:cpc/partitions/:partition', element: <PartitionView /> },
      { path: 'cpcs/:cpc/adapters/:adapter', element: <AdapterView /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
