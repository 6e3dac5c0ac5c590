import { QueryCache, QueryClient } from '@tanstack/react-query';
import { UnauthenticatedDetailsSchema } from '@zlens/shared';
import { useAuthStore } from '../auth/auth-store';
import { ApiError } from './fetch-json';

/**
 * Dashboard defaults: no refetch on focus (the refresh picker decides), at most one retry.
 * The one place a 401 is noticed: it signs the page out (Layout shows "Not signed in" instead of
 * the view, so no query of the view stays mounted to poll or retry).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (!(error instanceof ApiError && error.isUnauthenticated)) return;
        const details = UnauthenticatedDetailsSchema.safeParse(error.details);
        useAuthStore.getState().signOut({ message: error.message, reason: details.success ? details.data.reason : null });
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        // A 4xx will not change on a second try; a 5xx or a network error might.
        retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
