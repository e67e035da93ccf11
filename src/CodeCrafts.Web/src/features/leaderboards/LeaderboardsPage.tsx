import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Trophy } from 'lucide-react';
import type { LeaderboardResponse } from '@/api/types';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { timeLeft } from '@/lib/format';
import { queryKeys } from '@/lib/me';
import { useSession } from '@/lib/use-session';
import styles from './leaderboards.module.css';

const BOARDS = [
  { id: 'weekly', label: 'XP this week', board: 'xp', period: 'weekly', unit: 'XP' },
  { id: 'all', label: 'XP all time', board: 'xp', period: 'all', unit: 'XP' },
  { id: 'duels', label: 'Duel rating', board: 'duels', period: 'all', unit: '' },
] as const;

type BoardId = (typeof BOARDS)[number]['id'];
const LIMIT = 50;

export default function LeaderboardsPage() {
  const [selected, setSelected] = useState<BoardId>('weekly');
  const tab = BOARDS.find((b) => b.id === selected)!;
  const board = useQuery({
    queryKey: [...queryKeys.leaderboards, tab.board, tab.period],
    queryFn: () =>
      data(api.GET('/api/leaderboards/{board}', { params: { path: { board: tab.board }, query: { period: tab.period, limit: LIMIT } } })),
  });

  return (
    <div className="page">
      <h1>Leaderboards</h1>
      <div className={styles.tabs} role="tablist" aria-label="Boards">
        {BOARDS.map((b) => (
          <button
            key={b.id}
            type="button"
            role="tab"
            id={`tab-${b.id}`}
            aria-selected={b.id === selected}
            aria-controls="board-panel"
            className={styles.tab}
            onClick={() => setSelected(b.id)}
          >
            {b.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="board-panel" aria-labelledby={`tab-${selected}`}>
        {board.error ? (
          <QueryError error={board.error} onRetry={() => void board.refetch()} />
        ) : !board.data ? (
          <LoadingRegion label="Loading leaderboard">
            <Skeleton height={52} count={6} />
          </LoadingRegion>
        ) : (
          <Board response={board.data} unit={tab.unit} title={tab.label} />
        )}
      </div>
    </div>
  );
}

function Board({ response, unit, title }: { response: LeaderboardResponse; unit: string; title: string }) {
  const { user } = useSession();
  const score = (n: number) => (unit ? `${n} ${unit}` : String(n));
  const meListed = response.entries.some((e) => e.userId === user?.id);

  return (
    <>
      {response.endsAt && <p className="muted">Resets in {timeLeft(response.endsAt)} (week {response.week}).</p>}
      {response.entries.length === 0 ? (
        <EmptyState icon={<Trophy size={40} />} title="Nobody here yet" action={<Link className="btn btn-primary" to="/">Earn XP in a lesson</Link>}>
          Be the first on this board.
        </EmptyState>
      ) : (
        <table className={styles.table}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Learner</th>
              <th scope="col" style={{ textAlign: 'right' }}>
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {response.entries.map((entry) => {
              const mine = entry.userId === user?.id;
              return (
                <tr key={entry.userId} className={mine ? styles.mine : undefined} aria-current={mine ? 'true' : undefined}>
                  <td className={entry.rank === 1 ? styles.top1 : undefined}>#{entry.rank}</td>
                  <td>
                    <span className={styles.name}>
                      {entry.displayName}
                      {mine ? ' (you)' : ''}
                    </span>
                    {!mine && (
                      <>
                        {' '}
                        <Link
                          to={`/duels?${new URLSearchParams({ challenge: entry.userId, name: entry.displayName })}`}
                          className="btn btn-ghost"
                          aria-label={`Challenge ${entry.displayName}`}
                          style={{ minHeight: 32, padding: '0 var(--space-2)' }}
                        >
                          Challenge
                        </Link>
                      </>
                    )}
                  </td>
                  <td className={styles.score}>{score(entry.score)}</td>
                </tr>
              );
            })}
          </tbody>
          {!meListed && (
            <tfoot>
              <tr className={`${styles.mine} ${styles.pinned}`} aria-current="true" data-testid="my-standing">
                <td>{response.me.rank ? `#${response.me.rank}` : '–'}</td>
                <td>
                  <span className={styles.name}>{user?.displayName ?? 'You'} (you)</span>
                  {!response.me.rank && <span className="muted"> · not on this board yet</span>}
                </td>
                <td className={styles.score}>{score(response.me.score)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </>
  );
}
