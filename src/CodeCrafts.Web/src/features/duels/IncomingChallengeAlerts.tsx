import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Swords } from 'lucide-react';
import { api, data } from '@/lib/api';
import { useHubEvents } from '@/lib/duel-hub';
import { languageName } from '@/lib/format';
import { queryKeys } from '@/lib/me';
import { messageFor } from '@/lib/problems';
import { useSession } from '@/lib/use-session';
import { useAcceptDuel, useDeclineDuel, useDuel } from './api';
import styles from './duels.module.css';

const pendingKey = [...queryKeys.duels, 'incoming'] as const;

/** Challenges waiting for this learner, on every screen: they arrive live through the hub, with accept and decline. */
export function IncomingChallengeAlerts() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: pendingKey,
    queryFn: () => data(api.GET('/api/duels', { params: { query: { status: 'pending', pageSize: 20 } } })),
    select: (page) => page.items.filter((duel) => duel.opponentId === user?.id && duel.opponentKind === 'User'),
    refetchInterval: 30_000,
  });

  useHubEvents({
    ChallengeReceived: () => void queryClient.invalidateQueries({ queryKey: pendingKey }),
  });

  if (!pending.data || pending.data.length === 0) return null;
  return (
    <div aria-label="Incoming challenges" role="region">
      {pending.data.map((duel) => (
        <IncomingChallenge key={duel.id} duelId={duel.id} />
      ))}
    </div>
  );
}

function IncomingChallenge({ duelId }: { duelId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const duel = useDuel(duelId);
  const accept = useAcceptDuel();
  const decline = useDeclineDuel();
  if (!duel.data || duel.data.status !== 'Pending') return null;

  const done = () => void queryClient.invalidateQueries({ queryKey: pendingKey });
  const name = duel.data.challenger.displayName;
  const error = accept.error ?? decline.error;
  return (
    <div className={styles.challenge} role="alert" aria-label={`Challenge from ${name}`}>
      <span>
        <Swords size={18} aria-hidden="true" /> <strong>{name}</strong> challenges you to a {languageName(duel.data.language)} duel
        ({duel.data.questionCount} questions).
        {error ? <span className="field-error"> {messageFor(error)}</span> : null}
      </span>
      <span className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={accept.isPending}
          onClick={() => accept.mutate(duelId, { onSuccess: (d) => (done(), navigate(`/duels/${d.id}`)) })}
        >
          Accept
        </button>
        <button type="button" className="btn btn-secondary" disabled={decline.isPending} onClick={() => decline.mutate(duelId, { onSuccess: done })}>
          Decline
        </button>
      </span>
    </div>
  );
}
