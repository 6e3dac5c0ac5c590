// queryOptions factories of the physical-layer endpoints (fleet power, top-N adapters, line cords), beside
// queries.ts and in its style: hierarchical keys holding the window and the rounded step.
import { queryOptions } from '@tanstack/react-query';
import { AdapterTopResponseSchema, FleetPowerResponseSchema, LineCordsResponseSchema, chooseStep, type AdapterFamily } from '@zlens/shared';
import { apiBase } from '../navigation/base-path';
import { refreshInterval, windowExpression, windowKey, windowSeconds, type RefreshKey, type TimeWindow } from '../state/view-params';
import { fetchJson } from './fetch-json';
import { queryKeys, sameSubject, stepFor } from './queries';

const interval = (window: TimeWindow, refresh: RefreshKey): number | false =>
  window.kind === 'absolute' ? false : refreshInterval(refresh);

export const physicalKeys = {
  fleetPower: (window: string, step: number) => [...queryKeys.all, 'fleet-power', window, step] as const,
  adapterTop: (cpc: string | null, family: AdapterFamily | null, n: number, window: string) =>
    [...queryKeys.all, 'adapter-top', cpc, family, n, window] as const,
  lineCords: (cpc: string, window: string, step: number) => [...queryKeys.all, 'line-cords', cpc, window, step] as const,
};

/** from, to and the maxPoints that gives `step`: a request depends on its key only. */
function rangeSearch(window: TimeWindow, step: number): Record<string, string> {
  const { from, to } = windowExpression(window);
  return { from, to, maxPoints: String(Math.max(2, Math.ceil(windowSeconds(window) / step))) };
}

export function fleetPowerUrl(window: TimeWindow, step: number): string {
  return `${apiBase()}/fleet/power?${new URLSearchParams(rangeSearch(window, step)).toString()}`;
}

/** The site's power over the window, about `maxPoints` points (the step rounded as for series). */
export function fleetPowerQuery(window: TimeWindow, maxPoints: number, refresh: RefreshKey) {
  const step = chooseStep(windowSeconds(window), Math.max(2, Math.round(maxPoints)));
  const queryKey = physicalKeys.fleetPower(windowKey(window), step);
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(fleetPowerUrl(window, step), FleetPowerResponseSchema, signal),
    refetchInterval: interval(window, refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 2) ? previous : undefined),
  });
}

export interface AdapterTopRequest {
  /** null: the whole fleet. */
  cpc: string | null;
  family: AdapterFamily | null;
  n: number;
  window: TimeWindow;
}

export function adapterTopUrl({ cpc, family, n, window }: AdapterTopRequest): string {
  const { from, to } = windowExpression(window);
  const search = new URLSearchParams({ n: String(n), from, to });
  if (cpc !== null) search.set('cpc', cpc);
  if (family !== null) search.set('family', family);
  return `${apiBase()}/adapters/top?${search.toString()}`;
}

export function adapterTopQuery(request: AdapterTopRequest, refresh: RefreshKey) {
  const queryKey = physicalKeys.adapterTop(request.cpc, request.family, request.n, windowKey(request.window));
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(adapterTopUrl(request), AdapterTopResponseSchema, signal),
    refetchInterval: interval(request.window, refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 4) ? previous : undefined),
  });
}

export function lineCordsUrl(cpc: string, window: TimeWindow, step: number): string {
  return `${apiBase()}/line-cords?${new URLSearchParams({ cpc, ...rangeSearch(window, step) }).toString()}`;
}

/** A CPC's 24 line-cord phases in one request, about `maxPoints` points (the step rounded as for series). */
export function lineCordsQuery(cpc: string, window: TimeWindow, maxPoints: number, refresh: RefreshKey) {
  // The step a series panel of this width asks for: the chart draws what 24 series requests drew.
  const step = stepFor(window, maxPoints);
  const queryKey = physicalKeys.lineCords(cpc, windowKey(window), step);
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => fetchJson(lineCordsUrl(cpc, window, step), LineCordsResponseSchema, signal),
    refetchInterval: interval(window, refresh),
    placeholderData: (previous, previousQuery) => (sameSubject(queryKey, previousQuery?.queryKey, 3) ? previous : undefined),
  });
}
