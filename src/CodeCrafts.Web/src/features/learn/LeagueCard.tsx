import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Trophy } from 'lucide-react';
import type { LeagueCurrent, LeagueStanding } from '@/api/types';
import { QueryError } from '@/components/ui/QueryError';
import { Skeleton } from '@/components/ui/Skeleton';
import { api, data } from '@/lib/api';
import { useHubEvents } from '@/lib/duel-hub';
import { timeLeft } from '@/lib/format';
import { queryKeys } from '@/lib/me';
import { useNow } from '@/lib/use-now';
import styles from './league.module.css';

/** Rows shown: the top of the cohort, plus the learner's own row when they are further down. */
const TOP = 5;

export function useCurrentLeague() {
  const queryClient = useQueryClient();
  // The hub says that someone passed the learner or was passed by them; the Api says where everyone stands now.
  useHubEvents({ LeagueRankChanged: () => void queryClient.invalidateQueries({ queryKey: queryKeys.league }) });
  return useQuery({ queryKey: queryKeys.league, queryFn: () => data(api.GET('/api/leagues/current')) });
}

/** The rows to show: the top few and, below a gap, the learner when they are not among them. */
export function visibleStandings(standings: LeagueStanding[], top = TOP): { rows: LeagueStanding[]; gapBefore: number | null } {
  const head = standings.slice(0, top);
  const me = standings.find((s) => s.isMe);
  if (!me || me.rank <= top) return { rows: head, gapBefore: null };
  return { rows: [...head, me], gapBefore: me.rank };
}

/** This week's league on Learn: tier, rank, the top of the cohort with the learner marked, the zones, time left. */
export function LeagueCard() {
  const league = useCurrentLeague();
  if (league.error) {
    return (
      <div className={styles.wide}>
        <QueryError error={league.error} onRetry={() => void league.refetch()} />
      </div>
    );
  }
  if (!league.data) return <Skeleton height={220} />;
  return <LeagueView league={league.data} />;
}

export function LeagueView({ league }: { league: LeagueCurrent }) {
  const now = useNow(league.endsAt);
  const { rows, gapBefore } = visibleStandings(league.standings);
  return (
    <section className={`card ${styles.card}`} aria-labelledby="league-heading">
      <h2 id="league-heading" className={styles.head}>
        <Trophy size={16} aria-hidden="true" /> League
      </h2>
      <div className={styles.tierRow}>
        <span className={styles.badge} data-tier={league.tier.toLowerCase()} aria-hidden="true">
          {league.tier.slice(0, 1)}
        </span>
        <div>
          <p className={styles.tier}>{league.tier} League</p>
          <p className={styles.meta}>
            <span data-testid="league-rank">{league.rank ? `#${league.rank} of ${league.standings.length}` : 'Not ranked yet'}</span>
            {' · '}
            <span>Ends in {timeLeft(league.endsAt, now)}</span>
          </p>
        </div>
      </div>
      {league.status === 'placed' ? (
        <>
          <ol className={styles.list} aria-label={`${league.tier} League standings`}>
            {rows.map((s) => (
              <Row key={s.userId} standing={s} gap={gapBefore === s.rank} />
            ))}
          </ol>
          <Zones promotion={league.promotionRanks} demotionFrom={league.demotionFromRank ?? null} />
        </>
      ) : (
        <p className={styles.empty}>
          {league.status === 'waiting'
            ? 'Last week is being settled; your new cohort appears in a moment.'
            : 'Earn XP this week to join a league of up to 30 learners at your level.'}
        </p>
      )}
    </section>
  );
}

function Row({ standing, gap }: { standing: LeagueStanding; gap: boolean }) {
  const zone = standing.zone === 'up' ? 'promotion zone' : standing.zone === 'down' ? 'demotion zone' : null;
  return (
    <li
      className={`${styles.row} ${standing.isMe ? styles.me : ''} ${gap ? styles.gap : ''}`}
      data-zone={standing.zone}
      aria-current={standing.isMe ? 'true' : undefined}
    >
      <span className={styles.rank}>{standing.rank}</span>
      <span className={styles.name}>
        <span className={styles.nameText}>{standing.displayName}</span>
        {standing.isMe ? <span className={styles.you}> (you)</span> : null}
      </span>
      <span className={styles.xp}>{standing.weeklyXp} XP</span>
      {zone ? (
        <span className={styles.zoneIcon} title={zone}>
          {standing.zone === 'up' ? <ArrowUp size={14} aria-hidden="true" /> : <ArrowDown size={14} aria-hidden="true" />}
          <span className="visually-hidden">{zone}</span>
        </span>
      ) : (
        <span className={styles.zoneIcon} />
      )}
    </li>
  );
}

function Zones({ promotion, demotionFrom }: { promotion: number; demotionFrom: number | null }) {
  return (
    <p className={styles.zones}>
      {promotion > 0 ? (
        <span className={styles.upText}>
          <ArrowUp size={14} aria-hidden="true" /> Top {promotion} move up
        </span>
      ) : null}
      {demotionFrom !== null ? (
        <span className={styles.downText}>
          <ArrowDown size={14} aria-hidden="true" /> From #{demotionFrom} move down
        </span>
      ) : null}
    </p>
  );
}
