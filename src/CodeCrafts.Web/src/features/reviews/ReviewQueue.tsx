import { useEffect } from 'react';
import { Link } from 'react-router';
import { PartyPopper } from 'lucide-react';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { fromNow, languageName } from '@/lib/format';
import { useNow } from '@/lib/use-now';
import { useDueReviews } from './use-due-reviews';
import styles from './reviews.module.css';

/** What is due, lowest predicted recall first, and the way into a session. */
export function ReviewQueue() {
  const due = useDueReviews();
  const nextDueAt = due.data?.due.total === 0 ? due.data.nextDueAt : null;
  const now = useNow(nextDueAt);
  const fellDue = nextDueAt !== null && Date.parse(nextDueAt) <= now;
  const { refetch } = due;
  // Once the next review falls due, the queue is fetched again (every few seconds, should the server's clock lag)
  // until it shows the way into the session.
  useEffect(() => {
    if (!fellDue) return;
    void refetch();
    const timer = setInterval(() => void refetch(), 5000);
    return () => clearInterval(timer);
  }, [fellDue, refetch]);

  if (due.error) return <QueryError error={due.error} onRetry={() => void due.refetch()} />;
  if (!due.data) {
    return (
      <LoadingRegion label="Loading reviews">
        <Skeleton height={64} count={4} />
      </LoadingRegion>
    );
  }

  const { due: page, dueLaterToday } = due.data;
  if (page.total === 0) {
    return (
      <EmptyState icon={<PartyPopper size={44} />} title="All caught up!" action={<Link className="btn btn-secondary" to="/">Learn something new</Link>}>
        <p>
          {nextDueAt
            ? fellDue
              ? 'Your next review is due now.'
              : `Your next review is due ${fromNow(nextDueAt, now)}.`
            : 'Answer questions in lessons and they come back here when it is time to review them.'}
        </p>
        {dueLaterToday > 0 && <p>{dueLaterToday} more {dueLaterToday === 1 ? 'falls' : 'fall'} due later today.</p>}
      </EmptyState>
    );
  }

  return (
    <div>
      <div className={styles.head}>
        <p style={{ margin: 0 }}>
          <strong>{page.total}</strong> {page.total === 1 ? 'question is' : 'questions are'} due
          {dueLaterToday > 0 ? `, ${dueLaterToday} more later today` : ''}.
        </p>
        <Link to="/reviews/session" className="btn btn-primary">
          Start review
        </Link>
      </div>
      <ol className={styles.list} aria-label="Due reviews, most at risk first">
        {page.items.map((item) => {
          const recall = Math.round(item.retrievability * 100);
          return (
            <li key={item.questionId} className={styles.item}>
              <div className={styles.itemBody}>
                <div className={styles.itemTitle}>{item.promptSummary}</div>
                <div className="muted" style={{ fontSize: 'var(--text-sm)' }}>
                  {languageName(item.language)} · {item.lessonTitle}
                </div>
              </div>
              <span className={`${styles.recall} ${recall < 70 ? styles.atRisk : ''}`}>Recall {recall}%</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
