import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { dueReview, dueReviews, json, tokens, user } from '@/test/fixtures';
import { renderWithClient } from '@/test/render';
import { ReviewQueue } from './ReviewQueue';

describe('the review queue', () => {
  beforeEach(() => session.signedIn(user, tokens('access', 'refresh')));
  afterEach(() => vi.unstubAllGlobals());

  it('counts down to the next review, says "falls" for one, and offers the session once it is due', async () => {
    const nextDueAt = new Date(Date.now() + 2500).toISOString();
    const caughtUp = dueReviews([], { dueLaterToday: 1, nextDueAt });
    const nowDue = dueReviews([dueReview()]);
    vi.stubGlobal('fetch', vi.fn(async () => json(Date.now() >= Date.parse(nextDueAt) ? nowDue : caughtUp)));

    renderWithClient(<ReviewQueue />);
    expect(await screen.findByText('1 more falls due later today.')).toBeVisible();
    expect(screen.getByText(/Your next review is due in [23] seconds\./)).toBeVisible();
    expect(await screen.findByText('Your next review is due in 1 second.', {}, { timeout: 2500 })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Start review' }, { timeout: 4000 })).toBeVisible();
  });
});
