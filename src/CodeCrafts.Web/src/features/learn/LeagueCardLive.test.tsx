import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LeagueCurrent } from '@/api/types';
import { LeagueCard } from './LeagueCard';

const hub = vi.hoisted(() => ({ handlers: {} as Record<string, ((event: unknown) => void) | undefined> }));
const reads = vi.hoisted(() => ({ next: [] as LeagueCurrent[] }));

vi.mock('@/lib/duel-hub', () => ({
  useHubEvents: (handlers: Record<string, (event: unknown) => void>) => {
    hub.handlers = handlers;
  },
}));
vi.mock('@/lib/api', () => ({
  api: { GET: () => Promise.resolve(reads.next.shift()) },
  data: (response: Promise<LeagueCurrent>) => response,
}));

const league = (rank: number): LeagueCurrent => ({
  week: '2026-W48', endsAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'placed', tier: 'Bronze', tierLevel: 0,
  rank, weeklyXp: 40, promotionRanks: 7, demotionFromRank: null,
  standings: [1, 2, 3].map((r) => ({
    rank: r, userId: `u${r}`, displayName: r === rank ? 'Grace' : `Learner ${r}`, weeklyXp: 60 - r * 10, isMe: r === rank, zone: 'up',
  })),
});

describe('the league card, live', () => {
  it('reads the standings again when the hub says the learner’s rank changed', async () => {
    reads.next = [league(3), league(2)];
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <LeagueCard />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('#3 of 3')).toBeVisible();

    await act(async () => hub.handlers.LeagueRankChanged?.({ week: '2026-W48', rank: 2, previousRank: 3, weeklyXp: 40 }));

    expect(await screen.findByText('#2 of 3')).toBeVisible();
    expect(reads.next).toHaveLength(0);
  });
});
