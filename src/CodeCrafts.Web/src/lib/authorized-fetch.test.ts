import { describe, expect, it, vi } from 'vitest';
import { json, memoryStorage, tokens, user } from '@/test/fixtures';
import { authorizedFetch } from './authorized-fetch';
import { ApiError } from './problems';
import { Session, type RefreshCall } from './session';

const noLock = <T,>(_: string, task: () => Promise<T>) => task();

function setup(refresh: RefreshCall) {
  const storage = memoryStorage();
  const session = new Session(storage, refresh, noLock);
  session.signedIn(user, tokens('old-access', 'refresh-1'));
  const seen: string[] = [];
  const server = vi.fn(async (request: Request) => {
    const auth = request.headers.get('Authorization') ?? '';
    seen.push(auth);
    return auth === 'Bearer new-access' ? json({ ok: true }) : json({ title: 'Unauthorized' }, 401);
  });
  return { session, storage, seen, server, fetch: authorizedFetch(session, server) };
}

describe('silent refresh', () => {
  it('refreshes once on a 401 and replays the request with the new token', async () => {
    const refresh = vi.fn(async () => tokens('new-access', 'refresh-2'));
    const { fetch, seen, storage } = setup(refresh);

    const response = await fetch(new Request('http://localhost/api/users/me'));

    expect(response.status).toBe(200);
    expect(refresh).toHaveBeenCalledExactlyOnceWith('refresh-1');
    expect(seen).toEqual(['Bearer old-access', 'Bearer new-access']);
    expect(storage.get()).toBe('refresh-2');
  });

  it('shares one refresh among requests that fail together (refresh tokens are single use)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const refresh = vi.fn(async () => {
      await gate;
      return tokens('new-access', 'refresh-2');
    });
    const { fetch } = setup(refresh);

    const responses = Promise.all([1, 2, 3].map((n) => fetch(new Request(`http://localhost/api/lessons?n=${n}`))));
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
    release();

    expect((await responses).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('replays the body of a POST after refreshing', async () => {
    const { session } = setup(async () => tokens('new-access', 'refresh-2'));
    const bodies: string[] = [];
    const server = vi.fn(async (request: Request) => {
      bodies.push(await request.text());
      return request.headers.get('Authorization') === 'Bearer new-access' ? json({}) : json({}, 401);
    });

    await authorizedFetch(session, server)(new Request('http://localhost/api/x', { method: 'POST', body: '{"a":1}' }));

    expect(bodies).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('signs the learner out when the refresh token is refused, so the app goes back to sign-in', async () => {
    const { fetch, session, storage } = setup(async () => null);

    const response = await fetch(new Request('http://localhost/api/users/me'));

    expect(response.status).toBe(401);
    expect(session.getState()).toMatchObject({ status: 'signedOut', endedBecause: 'expired' });
    expect(storage.get()).toBeNull();
  });

  it('signs out when the replayed request is refused too', async () => {
    const storage = memoryStorage();
    const session = new Session(storage, async () => tokens('new-access', 'refresh-2'), noLock);
    session.signedIn(user, tokens('old-access', 'refresh-1'));
    const server = vi.fn(async () => json({}, 401));

    await authorizedFetch(session, server)(new Request('http://localhost/api/users/me'));

    expect(server).toHaveBeenCalledTimes(2);
    expect(session.getState().status).toBe('signedOut');
  });

  it('keeps the session when the refresh fails for an outage', async () => {
    const { fetch, session } = setup(async () => {
      throw new ApiError(503, undefined, 1000);
    });

    await expect(fetch(new Request('http://localhost/api/users/me'))).rejects.toMatchObject({ status: 503 });
    expect(session.getState().status).toBe('signedIn');
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const storage = memoryStorage();
    const refresh = vi.fn(async () => tokens('new-access', 'refresh-2'));
    const session = new Session(storage, refresh, noLock);
    session.signedIn(user, tokens('old-access', 'refresh-1', 5_000));
    const server = vi.fn(async (request: Request) => json({ auth: request.headers.get('Authorization') }));

    const response = await authorizedFetch(session, server)(new Request('http://localhost/api/users/me'));

    expect(await response.json()).toEqual({ auth: 'Bearer new-access' });
    expect(server).toHaveBeenCalledTimes(1);
  });

  it('reads the refresh token inside the lock, where another tab may have rotated it', async () => {
    const storage = memoryStorage();
    const refresh = vi.fn(async (token: string) => tokens('new-access', `${token}-next`));
    const otherTabRotates = <T,>(_: string, task: () => Promise<T>) => {
      storage.set('rotated-by-other-tab');
      return task();
    };
    const session = new Session(storage, refresh, otherTabRotates);
    session.signedIn(user, tokens('old-access', 'refresh-1'));

    await session.refresh('old-access');

    expect(refresh).toHaveBeenCalledWith('rotated-by-other-tab');
  });
});
