import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuthStore } from './auth-store';
import { takeFragmentToken } from './fragment-token';

/**
 * A portal that refreshes a frame's token by changing only the fragment of the iframe's src
 * (`…#token=<new JWT>`) does not reload the page: the browser fires `hashchange`. The new token is
 * taken like the one at start-up (main.tsx), and everything is asked again with it.
 */
export function useFragmentToken(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onHashChange = () => {
      const token = takeFragmentToken(window.location, window.history);
      if (token === null) return;
      useAuthStore.getState().setToken(token);
      void queryClient.invalidateQueries();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [queryClient]);
}
