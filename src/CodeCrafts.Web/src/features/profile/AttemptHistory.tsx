import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Check, X } from 'lucide-react';
import { QueryError } from '@/components/ui/QueryError';
import { Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { dateTime } from '@/lib/format';
import { queryKeys } from '@/lib/me';
import styles from './profile.module.css';

const PAGE_SIZE = 10;

function plain(prompt: string): string {
  return prompt.replace(/```[\w+#-]*\n?/g, ' ').replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

export function AttemptHistory() {
  const [page, setPage] = useState(1);
  const attempts = useQuery({
    queryKey: [...queryKeys.attempts, page],
    queryFn: () => data(api.GET('/api/questions/attempts', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  if (attempts.error) return <QueryError error={attempts.error} onRetry={() => void attempts.refetch()} />;
  if (!attempts.data) return <Skeleton height={40} count={4} />;
  if (attempts.data.total === 0) return <p className="muted">Your answers will be listed here.</p>;
  const pages = Math.max(1, Math.ceil(attempts.data.total / PAGE_SIZE));
  return (
    <div className="stack">
      <ol className={styles.list} aria-label="Your answers, newest first">
        {attempts.data.items.map((attempt) => (
          <li key={attempt.id} className={styles.attempt}>
            {attempt.correct ? (
              <Check className={styles.right} aria-label="Right" role="img" />
            ) : (
              <X className={styles.wrong} aria-label="Wrong" role="img" />
            )}
            <span className={styles.attemptText}>{plain(attempt.prompt)}</span>
            <span className="muted" style={{ fontSize: 'var(--text-sm)', textAlign: 'right' }}>
              {attempt.xpAwarded > 0 ? `+${attempt.xpAwarded} XP · ` : ''}
              {dateTime(attempt.answeredAt)}
              {attempt.duelId ? ' · duel' : ''}
            </span>
          </li>
        ))}
      </ol>
      <nav className="row" aria-label="Answer history pages" style={{ justifyContent: 'center' }}>
        <button type="button" className="btn btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Newer
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button type="button" className="btn btn-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Older
        </button>
      </nav>
    </div>
  );
}
