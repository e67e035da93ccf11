import { Link, Navigate, useParams } from 'react-router';
import { Trophy } from 'lucide-react';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { useSession } from '@/lib/use-session';
import { useDuel } from './api';
import { OUTCOME_TEXT, outcomeFor, perspective, sidesFor, signed } from './perspective';
import styles from './duels.module.css';

/** How the duel ended: the outcome, both scores and times, and the rating change. */
export default function DuelResultPage() {
  const { duelId = '' } = useParams();
  const duel = useDuel(duelId);
  const { user } = useSession();

  if (duel.error) return <div className="page"><QueryError error={duel.error} onRetry={() => void duel.refetch()} /></div>;
  if (!duel.data) {
    return (
      <div className="page">
        <LoadingRegion label="Loading result">
          <Skeleton height={200} />
        </LoadingRegion>
      </div>
    );
  }
  const d = duel.data;
  if (!d.result) return <Navigate to={`/duels/${d.id}`} replace />;

  const { iAmChallenger, them } = perspective(d, user?.id);
  const outcome = outcomeFor(d.result, iAmChallenger);
  const { mine, theirs } = sidesFor(d.result, iAmChallenger);
  return (
    <div className="page">
      <div className={`card stack ${styles.result}`}>
        {outcome === 'won' && <Trophy aria-hidden="true" size={48} style={{ margin: '0 auto', color: 'var(--color-gold)' }} />}
        <h1 className={outcome === 'won' ? styles.won : outcome === 'lost' ? styles.lost : undefined}>{OUTCOME_TEXT[outcome]}</h1>
        <p className="muted" style={{ margin: 0 }}>against {them?.displayName ?? 'your opponent'}</p>
        <dl className={styles.versus}>
          <div className={styles.player}>
            <dt className={styles.playerName}>You</dt>
            <dd style={{ margin: 0 }}>
              {mine.score} / {d.questionCount} right · {(mine.timeMs / 1000).toFixed(1)} s
            </dd>
          </div>
          <span aria-hidden="true">vs</span>
          <div className={styles.player}>
            <dt className={styles.playerName}>{them?.displayName ?? 'Opponent'}</dt>
            <dd style={{ margin: 0 }}>
              {theirs.score} / {d.questionCount} right · {(theirs.timeMs / 1000).toFixed(1)} s
            </dd>
          </div>
        </dl>
        <div>
          <div className="muted">Rating change</div>
          <div className={styles.ratingChange} data-testid="rating-change">
            {mine.ratingChange == null ? 'Unrated' : signed(mine.ratingChange)}
          </div>
        </div>
        <div className="row" style={{ justifyContent: 'center' }}>
          <Link to="/duels" className="btn btn-primary">
            Play again
          </Link>
          <Link to="/duels/history" className="btn btn-secondary">
            Duel history
          </Link>
        </div>
      </div>
    </div>
  );
}
