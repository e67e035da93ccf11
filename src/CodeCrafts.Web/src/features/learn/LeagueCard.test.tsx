import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LeagueCurrent, LeagueStanding } from '@/api/types';
import { LeagueView, visibleStandings } from './LeagueCard';

const standing = (rank: number, isMe = false, zone = 'stay'): LeagueStanding => ({
  rank, userId: `u${rank}`, displayName: isMe ? 'Grace' : `Learner ${rank}`, weeklyXp: 400 - rank * 10, isMe, zone,
});

const cohort = (myRank: number): LeagueCurrent => ({
  week: '2026-W48', endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(), status: 'placed', tier: 'Silver',
  tierLevel: 1, rank: myRank, weeklyXp: 400 - myRank * 10,
  standings: Array.from({ length: 12 }, (_, i) => standing(i + 1, i + 1 === myRank, i < 7 ? 'up' : i >= 9 ? 'down' : 'stay')),
  promotionRanks: 7, demotionFromRank: 10,
});

describe('the league card', () => {
  it('shows the top five and the learner below them, marked, with the zones and time left', () => {
    render(<LeagueView league={cohort(11)} />);
    const list = screen.getByRole('list', { name: 'Silver League standings' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('span')?.textContent)).toEqual(['1', '2', '3', '4', '5', '11']);
    expect(rows[5]).toHaveAttribute('aria-current', 'true');
    expect(rows[5]).toHaveTextContent('Grace (you)');
    expect(within(rows[5]!).getByText('demotion zone')).toBeInTheDocument();
    expect(screen.getByTestId('league-rank')).toHaveTextContent('#11 of 12');
    expect(screen.getByText(/Top 7 move up/)).toBeVisible();
    expect(screen.getByText(/From #10 move down/)).toBeVisible();
    expect(screen.getByText(/Ends in 2 d [01] h/)).toBeVisible();
  });

  it('keeps five rows when the learner is among them', () => {
    expect(visibleStandings(cohort(3).standings)).toEqual({ rows: cohort(3).standings.slice(0, 5), gapBefore: null });
  });

  it('invites a learner without XP this week', () => {
    render(<LeagueView league={{ ...cohort(1), status: 'unplaced', rank: null, standings: [], demotionFromRank: null }} />);
    expect(screen.getByText(/Earn XP this week to join a league/)).toBeVisible();
  });
});
