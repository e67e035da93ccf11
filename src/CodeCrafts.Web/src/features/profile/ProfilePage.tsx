import { useQuery } from '@tanstack/react-query';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { queryKeys, useMyStats } from '@/lib/me';
import { useSession } from '@/lib/use-session';
import { AttemptHistory } from './AttemptHistory';
import { HeatMap } from './HeatMap';
import { LessonAccuracy } from './LessonAccuracy';
import { MemorySettings } from './MemorySettings';
import { SettingsForm } from './SettingsForm';
import styles from './profile.module.css';

function useDuelRating() {
  return useQuery({
    queryKey: [...queryKeys.leaderboards, 'duels', 'all', 'me'],
    queryFn: () => data(api.GET('/api/leaderboards/{board}', { params: { path: { board: 'duels' }, query: { period: 'all', limit: 1 } } })),
    select: (board) => (board.me.rank ? board.me.score : null),
  });
}

export default function ProfilePage() {
  const { user } = useSession();
  const stats = useMyStats();
  const rating = useDuelRating();

  return (
    <div className="page">
      <h1>{user?.displayName ?? 'Profile'}</h1>
      {stats.error ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data ? (
        <LoadingRegion label="Loading your stats">
          <Skeleton height={80} />
        </LoadingRegion>
      ) : (
        <dl className={styles.stats} aria-label="Your stats">
          <div className={styles.stat}>
            <dt>Level</dt>
            <dd>{stats.data.level}</dd>
          </div>
          <div className={styles.stat}>
            <dt>Total XP</dt>
            <dd>{stats.data.xp}</dd>
          </div>
          <div className={styles.stat}>
            <dt>Current streak</dt>
            <dd>{stats.data.currentStreak} d</dd>
          </div>
          <div className={styles.stat}>
            <dt>Longest streak</dt>
            <dd>{stats.data.longestStreak} d</dd>
          </div>
          <div className={styles.stat}>
            <dt>Streak freezes</dt>
            <dd>
              {stats.data.streakFreezes.held} / {stats.data.streakFreezes.max}
              <span className={styles.statNote}>{stats.data.streakFreezes.used} used</span>
            </dd>
          </div>
          <div className={styles.stat}>
            <dt>Duel rating</dt>
            <dd>{rating.data ?? (rating.isSuccess ? 'Unrated' : '…')}</dd>
          </div>
        </dl>
      )}
      <div className={styles.columns}>
        <div className="stack">
          <section className="card" aria-labelledby="activity-heading">
            <h2 id="activity-heading">Activity</h2>
            {stats.data ? <HeatMap days={stats.data.last30Days} goal={stats.data.dailyGoal} /> : <Skeleton height={140} />}
          </section>
          <section className="card" aria-labelledby="accuracy-heading">
            <h2 id="accuracy-heading">Accuracy per lesson</h2>
            <LessonAccuracy />
          </section>
          <section className="card" aria-labelledby="memory-heading">
            <h2 id="memory-heading">Memory model</h2>
            <MemorySettings />
          </section>
          <section className="card" aria-labelledby="settings-heading">
            <h2 id="settings-heading">Settings</h2>
            {user && <SettingsForm key={user.id} profile={user} />}
          </section>
        </div>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Answer history</h2>
          <AttemptHistory />
        </section>
      </div>
    </div>
  );
}
