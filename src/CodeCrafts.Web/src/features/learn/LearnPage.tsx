import { useQuery } from '@tanstack/react-query';
import { BookOpen } from 'lucide-react';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { queryKeys, useMyStats } from '@/lib/me';
import { useSession } from '@/lib/use-session';
import { LeagueCard } from './LeagueCard';
import { DailyGoal, LevelCard, ReviewsDue, StreakFlame } from './StatCards';
import { TrackList } from './TrackList';
import styles from './learn.module.css';

const TRACKS = ['python', 'cpp'] as const;

function useCatalogue() {
  return useQuery({
    queryKey: queryKeys.lessons,
    queryFn: () => data(api.GET('/api/lessons', { params: { query: { pageSize: 100 } } })),
  });
}

function useReviewsDueCount() {
  return useQuery({
    queryKey: [...queryKeys.reviews, 'count'],
    queryFn: () => data(api.GET('/api/reviews/due', { params: { query: { pageSize: 1 } } })),
    select: (reviews) => reviews.due.total,
  });
}

/** Home: the tracks and where the learner stands today. */
export function LearnPage() {
  const { user } = useSession();
  const catalogue = useCatalogue();
  const stats = useMyStats();
  const reviewsDue = useReviewsDueCount();

  return (
    <div className="page">
      <h1>{user ? `Hi, ${user.displayName}!` : 'Learn'}</h1>
      <div className={styles.layout}>
        <aside className={styles.side} aria-label="Your day">
          {stats.data ? (
            <>
              <StreakFlame days={stats.data.currentStreak} freezes={stats.data.streakFreezes} />
              <LevelCard stats={stats.data} />
              <DailyGoal todayXp={stats.data.todayXp} goal={stats.data.dailyGoal} />
            </>
          ) : stats.error ? (
            <div className={styles.statWide}>
              <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
            </div>
          ) : (
            <LoadingRegion label="Loading your stats">
              <Skeleton height={110} count={2} />
            </LoadingRegion>
          )}
          {reviewsDue.data !== undefined ? <ReviewsDue count={reviewsDue.data} /> : <Skeleton height={110} />}
          <LeagueCard />
        </aside>
        <div>
          {catalogue.data ? (
            catalogue.data.items.length === 0 ? (
              <EmptyState icon={<BookOpen size={40} />} title="No lessons yet">
                Lessons appear here once the curriculum is published.
              </EmptyState>
            ) : (
              TRACKS.map((language) => (
                <TrackList key={language} language={language} lessons={catalogue.data.items.filter((l) => l.language.toLowerCase() === language)} />
              ))
            )
          ) : catalogue.error ? (
            <QueryError error={catalogue.error} onRetry={() => void catalogue.refetch()} />
          ) : (
            <LoadingRegion label="Loading lessons">
              <Skeleton height={28} width="30%" />
              <Skeleton height={76} count={5} />
            </LoadingRegion>
          )}
        </div>
      </div>
    </div>
  );
}
