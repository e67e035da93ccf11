import { useQuery } from '@tanstack/react-query';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { QueryError } from '@/components/ui/QueryError';
import { Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { queryKeys } from '@/lib/me';
import styles from './profile.module.css';

export function LessonAccuracy() {
  const progress = useQuery({
    queryKey: [...queryKeys.progress, 'all'],
    queryFn: () => data(api.GET('/api/progress', { params: { query: { pageSize: 100 } } })),
    select: (page) => page.items.filter((lesson) => lesson.attempts > 0),
  });

  if (progress.error) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} />;
  if (!progress.data) return <Skeleton height={40} count={3} />;
  if (progress.data.length === 0) return <p className="muted">Answer a few questions and your accuracy per lesson shows here.</p>;
  return (
    <ul className={styles.list} aria-label="Accuracy per lesson">
      {progress.data.map((lesson) => {
        const accuracy = Math.round(lesson.correctRatio * 100);
        return (
          <li key={lesson.lessonId} className={styles.lessonRow}>
            <span>
              {lesson.lessonTitle}
              {lesson.completed ? ' ✓' : ''}
            </span>
            <strong>{accuracy}%</strong>
            <span style={{ gridColumn: '1 / -1' }}>
              <ProgressBar value={accuracy} max={100} label={`Accuracy in ${lesson.lessonTitle}`} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
