import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api';
import { queryKeys } from '@/lib/me';

export const SESSION_SIZE = 20;

/**
 * The due queue. `freshOnMount` fetches it again on every mount even while the cached list is fresh: a session
 * must start from the queue as the server has it now, and waits for that fetch (isFetchedAfterMount).
 */
export function useDueReviews({ freshOnMount = false }: { freshOnMount?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.reviews, 'due', SESSION_SIZE],
    queryFn: () => data(api.GET('/api/reviews/due', { params: { query: { pageSize: SESSION_SIZE } } })),
    refetchOnMount: freshOnMount ? 'always' : true,
  });
}
