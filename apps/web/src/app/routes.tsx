import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { EmbedPanelPage } from '../embed/EmbedPanelPage';
import { EmbedPanelRedirect } from '../embed/EmbedPanelRedirect';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

// Each view is its own chunk: the first page load fetches only the shell and the view it opens.
const FleetView = lazy(() => import('../views/fleet/FleetView'));
const CpcView = lazy(() => import('../views/cpc/CpcView'));
const PartitionView = lazy(() => import('../views/partition/PartitionView'));
const AdapterView = lazy(() => import('../views/adapter/AdapterView'));
const ChannelView = lazy(() => import('../views/channel/ChannelView'));
const EnergyView = lazy(() => import('../views/energy/EnergyView'));

function viewRoutes(): RouteObject[] {
  return [
    { index: true, element: <FleetView /> },
    { path: 'cpcs/:cpc', element: <CpcView /> },
    { path: 'cpcs/:cpc/partitions/:partition', element: <PartitionView /> },
    { path: 'cpcs/:cpc/adapters/:adapter', element: <AdapterView /> },
    { path: 'cpcs/:cpc/channels/:channel', element: <ChannelView /> },
    { path: 'cpcs/:cpc/energy', element: <EnergyView /> },
  ];
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      ...viewRoutes(),
      // One panel of a view, for a portal's iframe: /embed/panel/<panel id>/<view path>.
      { path: 'embed/panel/:panel', element: <EmbedPanelPage />, children: viewRoutes() },
      // The same with the view named in the query: /embed/panel/<view>/<panel id>?cpc=..&partition=..
      { path: 'embed/panel/:view/:panel', element: <EmbedPanelRedirect /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
