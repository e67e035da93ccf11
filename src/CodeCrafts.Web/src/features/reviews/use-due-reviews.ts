import { useQuery } from '@tanstack/react-query';
import { api, data } from '@/lib/api';
import { queryKeys } from '@/lib/me';

export const SESSION_SIZE = 20;

export function useDueReviews() {
  return useQuery({
    queryKey: [...queryKeys.reviews, 'due', SESSION_SIZE],
    queryFn: () => data(api.GET('/api/reviews/due', { params: { query: { pageSize: SESSION_SIZE } } })),
  });
}
