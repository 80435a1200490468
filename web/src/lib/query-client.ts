import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './http.ts';
import { queryKeys } from './query-keys.ts';

/**
 * A 401 anywhere means the session is gone: forgetting the signed-in user makes the auth guard
 * send the browser to the login page, which then returns to where the user was.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!isApiError(error, 401) || !client.getQueryData(queryKeys.me)) return;
    client.setQueryData(queryKeys.sessionExpired, true);
    client.setQueryData(queryKeys.me, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
