import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StreakFreezeSummary, UserStats } from '@/api/types';
import { HeatMap } from '@/features/profile/HeatMap';
import { StreakFlame } from './StatCards';

function freezes(overrides: Partial<StreakFreezeSummary> = {}): StreakFreezeSummary {
  return { held: 0, max: 2, used: 0, earnedEvery: 7, nextAtStreak: 7, ...overrides };
}

function days(frozen: string[]): UserStats['last30Days'] {
  return ['2026-03-16', '2026-03-17', '2026-03-18'].map((day, i) => ({
    day,
    xp: frozen.includes(day) ? 0 : 10 * (i + 1),
    answers: frozen.includes(day) ? 0 : 1,
    correctAnswers: frozen.includes(day) ? 0 : 1,
    frozen: frozen.includes(day),
  }));
}

describe('streak freezes', () => {
  it('shows the freezes held on the streak as snowflakes with a label a screen reader can say', () => {
    render(<StreakFlame days={15} freezes={freezes({ held: 1, used: 1, nextAtStreak: 21 })} />);

    const held = screen.getByRole('img', { name: '1 streak freeze held of 2' });
    expect(held).toHaveTextContent('×1');
    expect(screen.getByText('Next at 21 days · 1 used')).toBeVisible();
  });

  it('says the freezes are full at two rather than promising another', () => {
    render(<StreakFlame days={14} freezes={freezes({ held: 2, nextAtStreak: 21 })} />);

    expect(screen.getByRole('img', { name: '2 streak freezes held of 2' })).toHaveTextContent('×2');
    expect(screen.getByText('Freezes full')).toBeVisible();
  });

  it('marks a frozen day on the calendar, in its name and in the count', () => {
    render(<HeatMap days={days(['2026-03-17'])} goal={50} />);

    const calendar = screen.getByRole('list', { name: 'Daily XP, last 30 days' });
    const frozen = within(calendar).getAllByRole('listitem').filter((li) => li.getAttribute('aria-label')?.includes('frozen'));
    expect(frozen).toHaveLength(1);
    expect(frozen[0]).toHaveAccessibleName(/^Mar 17: 0 XP, frozen/);
    expect(screen.getByText('2 active days in the last 3, 1 frozen.')).toBeVisible();
  });
});
