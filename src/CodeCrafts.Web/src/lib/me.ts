// Queries several features read: the learner's own stats. Keys live here so any feature can invalidate them.
import { useQuery } from '@tanstack/react-query';
import { api, data } from './api';

export const queryKeys = {
  stats: ['me', 'stats'] as const,
  lessons: ['lessons'] as const,
  lesson: (id: string) => ['lessons', id] as const,
  reviews: ['reviews'] as const,
  progress: ['progress'] as const,
  leaderboards: ['leaderboards'] as const,
  league: ['league'] as const,
  duels: ['duels'] as const,
  attempts: ['attempts'] as const,
};

export function useMyStats() {
  return useQuery({ queryKey: queryKeys.stats, queryFn: () => data(api.GET('/api/users/me/stats')) });
}

/** Everything an answer can move: XP, streak, progress, reviews, boards. */
export const afterAnswerKeys = [queryKeys.stats, queryKeys.lessons, queryKeys.reviews, queryKeys.progress, queryKeys.leaderboards, queryKeys.league, queryKeys.attempts];
