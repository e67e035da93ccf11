import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { createQueryClient } from '@/lib/query-client';
import { dueReview, dueReviews, json, tokens, user } from '@/test/fixtures';
import { renderWithClient } from '@/test/render';
import { ReviewQueue } from './ReviewQueue';
import { ReviewSession } from './ReviewSession';

describe('a review session', () => {
  beforeEach(() => session.signedIn(user, tokens('access', 'refresh')));
  afterEach(() => vi.unstubAllGlobals());

  it('starts from the queue fetched again on opening, even while the list the learner just saw is still fresh', async () => {
    // The app's own client: its 30 s staleTime is what kept a fresh cache from being fetched again.
    const client = createQueryClient();
    const answers = [dueReviews([dueReview()]), dueReviews([])];
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/api/reviews/due')) return json(answers.shift() ?? dueReviews([]));
      return json({}, 404);
    });
    vi.stubGlobal('fetch', fetchMock);

    const list = renderWithClient(<ReviewQueue />, client);
    expect(await screen.findByRole('link', { name: 'Start review' })).toBeVisible();
    list.unmount();

    renderWithClient(<ReviewSession />, client);
    // The item was answered elsewhere since the list loaded: the session sees the server's queue, not the cache.
    expect(await screen.findByRole('heading', { name: 'All caught up!' }, { timeout: 3000 })).toBeVisible();
    expect(screen.queryByRole('status', { name: 'Loading reviews' })).not.toBeInTheDocument();
    await waitFor(() => expect(fetchMock.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input).includes('/api/reviews/due'))).toHaveLength(2));
  });
});
