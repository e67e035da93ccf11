import { useState } from 'react';
import { Link } from 'react-router';
import { Swords } from 'lucide-react';
import type { DuelSummary } from '@/api/types';
import { EmptyState } from '@/components/ui/EmptyState';
import { QueryError } from '@/components/ui/QueryError';
import { LoadingRegion, Skeleton } from '@/components/ui/Skeleton';
import { dateTime, languageName } from '@/lib/format';
import { useSession } from '@/lib/use-session';
import { useDuel, useDuelList } from './api';
import { OUTCOME_TEXT, outcomeFor, perspective, sidesFor, signed } from './perspective';
import styles from './duels.module.css';

const PAGE_SIZE = 10;

export default function DuelHistoryPage() {
  const [page, setPage] = useState(1);
  const list = useDuelList(undefined, page, PAGE_SIZE);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="page stack">
      <h1>Duel history</h1>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingRegion label="Loading duels">
          <Skeleton height={60} count={5} />
        </LoadingRegion>
      ) : list.data.total === 0 ? (
        <EmptyState icon={<Swords size={40} />} title="No duels yet" action={<Link className="btn btn-primary" to="/duels">Start a duel</Link>}>
          Play a bot or challenge a learner, and your duels appear here.
        </EmptyState>
      ) : (
        <>
          <ol className={styles.history} aria-label="Your duels, newest first">
            {list.data.items.map((duel) => (
              <HistoryRow key={duel.id} summary={duel} />
            ))}
          </ol>
          <nav className="row" aria-label="Pages" style={{ justifyContent: 'center' }}>
            <button type="button" className="btn btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous page
            </button>
            <span>
              Page {page} of {pages}
            </span>
            <button type="button" className="btn btn-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Next page
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

function HistoryRow({ summary }: { summary: DuelSummary }) {
  const { user } = useSession();
  // The list has no names; each row asks for its duel (cached, shared with the result screen).
  const detail = useDuel(summary.id);
  const d = detail.data;
  const view = d ? perspective(d, user?.id) : null;
  const outcome = d?.result && view ? outcomeFor(d.result, view.iAmChallenger) : null;
  const change = d?.result && view ? sidesFor(d.result, view.iAmChallenger).mine.ratingChange : null;
  const target = summary.status === 'Finished' ? `/duels/${summary.id}/result` : `/duels/${summary.id}`;
  return (
    <li className={styles.historyRow}>
      <div>
        <Link to={target} style={{ fontWeight: 700 }}>
          {languageName(summary.language)} duel vs {view?.them?.displayName ?? (summary.opponentKind === 'Bot' ? 'a bot' : 'a learner')}
        </Link>
        <div className="muted" style={{ fontSize: 'var(--text-sm)' }}>{dateTime(summary.createdAt)}</div>
      </div>
      <span style={{ fontWeight: 700 }}>
        {outcome ? OUTCOME_TEXT[outcome] : summary.status}
        {change != null ? ` (${signed(change)})` : ''}
      </span>
    </li>
  );
}
