import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './fetch-json';

/** Dashboard defaults: no refetch on focus (the refresh picker decides), at most one retry. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        // A 4xx will not change on a second try; a 5xx or a network error might.
        retry: (failureCount, error) =>
          failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
