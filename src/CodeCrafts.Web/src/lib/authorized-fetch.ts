import type { Session } from './session';

export type Fetch = (request: Request) => Promise<Response>;

/**
 * A fetch that sends the access token and, when the Api answers 401, refreshes once (shared with every other
 * request that failed at the same time) and replays the request. A second 401, or a refused refresh, signs
 * the learner out, which sends the app back to the sign-in screen.
 */
export function authorizedFetch(session: Session, baseFetch: Fetch = (request) => globalThis.fetch(request)): Fetch {
  return async (request) => {
    const replay = request.clone();
    const token = await session.validAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    const response = await baseFetch(request);
    if (response.status !== 401 || !token) return response;

    const fresh = await session.refresh(token);
    if (!fresh) return response;
    replay.headers.set('Authorization', `Bearer ${fresh}`);
    const second = await baseFetch(replay);
    if (second.status === 401) session.signedOut('expired');
    return second;
  };
}
