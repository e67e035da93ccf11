import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Loader2 } from 'lucide-react';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { useHubEvents } from '@/lib/duel-hub';
import { messageFor } from '@/lib/problems';
import { useSession } from '@/lib/use-session';
import { useAcceptDuel, useDeclineDuel, useDuel } from './api';
import { LiveDuel } from './LiveDuel';
import { perspective } from './perspective';

/** One duel by its state: waiting for an opponent, live, or over (then its result). */
export default function DuelPage() {
  const { duelId = '' } = useParams();
  const duel = useDuel(duelId);
  const { user } = useSession();
  const navigate = useNavigate();
  const accept = useAcceptDuel();
  const decline = useDeclineDuel();

  // Matchmade and accepted duels start elsewhere: the hub tells this tab at once, polling soon after.
  useHubEvents({
    DuelStarted: (e) => {
      if (e.duelId === duelId) void duel.refetch();
    },
  });

  if (duel.error) {
    return (
      <div className="page">
        <QueryError error={duel.error} onRetry={() => void duel.refetch()} />
      </div>
    );
  }
  if (!duel.data) {
    return (
      <div className="page">
        <LoadingRegion label="Loading duel">
          <Skeleton height={36} width="40%" />
          <Skeleton height={160} />
        </LoadingRegion>
      </div>
    );
  }

  const d = duel.data;
  const { iAmChallenger, them } = perspective(d, user?.id);
  if (d.status === 'Active') return <LiveDuel duel={d} />;
  if (d.status === 'Finished') return <Navigate to={`/duels/${d.id}/result`} replace />;
  if (d.status === 'Cancelled' || d.status === 'Expired') {
    return (
      <div className="page">
        <EmptyState title={d.status === 'Expired' ? 'This challenge expired' : 'This duel was called off'} action={<Link className="btn btn-primary" to="/duels">Back to duels</Link>} />
      </div>
    );
  }

  const error = accept.error ?? decline.error;
  const matchmaking = !them;
  return (
    <div className="page">
      <div className="card stack" style={{ maxWidth: 560, margin: '0 auto', textAlign: 'center' }}>
        <Loader2 aria-hidden="true" size={40} style={{ margin: '0 auto', color: 'var(--color-accent)' }} className="spin" />
        {matchmaking ? (
          <>
            <h1>Looking for an opponent…</h1>
            <p className="muted">We are pairing you with a learner near your rating. A bot steps in after 30 seconds.</p>
          </>
        ) : iAmChallenger ? (
          <>
            <h1>Waiting for {them.displayName}</h1>
            <p className="muted">Your challenge is on its way. The duel starts as soon as they accept.</p>
          </>
        ) : (
          <>
            <h1>{d.challenger.displayName} challenges you</h1>
            <p className="muted">{d.questionCount} questions, against the clock.</p>
          </>
        )}
        {error ? (
          <p className="alert" role="alert">
            {messageFor(error)}
          </p>
        ) : null}
        <div className="row" style={{ justifyContent: 'center' }}>
          {!iAmChallenger && (
            <button type="button" className="btn btn-primary" disabled={accept.isPending} onClick={() => accept.mutate(d.id)}>
              Accept
            </button>
          )}
          <button type="button" className="btn btn-secondary" disabled={decline.isPending} onClick={() => decline.mutate(d.id, { onSuccess: () => navigate('/duels') })}>
            {matchmaking ? 'Cancel search' : iAmChallenger ? 'Withdraw challenge' : 'Decline'}
          </button>
        </div>
      </div>
    </div>
  );
}
