import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './problems';
import { retryDelayMs, shouldRetry } from './retry';
import { clearOutage, onRetry, reportOutage } from './service-status';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: reportOutage, onSuccess: clearOutage }),
    mutationCache: new MutationCache({ onError: reportOutage, onSuccess: clearOutage }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => shouldRetry(count, error),
        retryDelay: retryDelayMs,
        // A 401 that survived the silent refresh has already sent the learner to sign in.
        throwOnError: false,
        refetchOnWindowFocus: (query) => !(query.state.error instanceof ApiError && query.state.error.isOutage),
      },
      mutations: { retry: false },
    },
  });
  onRetry(() => {
    void client.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  });
  return client;
}
