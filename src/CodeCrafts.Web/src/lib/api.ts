// The typed clients generated from the Api's OpenAPI document (src/api/schema.d.ts): every call goes through them.
import createClient from 'openapi-fetch';
import type { paths } from '@/api/schema';
import { authorizedFetch } from './authorized-fetch';
import { ApiError, parseRetryAfter, type Problem } from './problems';
import { browserTokenStorage, Session } from './session';

// Looked up at call time, so that telemetry (loaded later) can wrap fetch and add trace context.
const lateFetch = (request: Request) => globalThis.fetch(request);

/** For the anonymous auth endpoints: no token, no refresh. */
export const publicApi = createClient<paths>({ fetch: lateFetch });

export const session = new Session(browserTokenStorage(), async (refreshToken) => {
  const result = await send(publicApi.POST('/api/auth/refresh', { body: { refreshToken } }));
  if (result.ok) return result.data;
  if (result.error.status === 400 || result.error.status === 401) return null;
  throw result.error;
});

export const api = createClient<paths>({ fetch: authorizedFetch(session, lateFetch) });

type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError };

async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { ok: true, data: data as T };
    const problem = typeof error === 'object' && error !== null ? (error as Problem) : undefined;
    return { ok: false, error: new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After'))) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, error: new ApiError(0, undefined) };
  }
}

/** The response's data, or an ApiError carrying the problem details (status 0: the network failed). */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const result = await send(call);
  if (!result.ok) throw result.error;
  return result.data;
}

/** Brings back the session after a reload: a refresh token in storage → access token → profile. */
export async function restoreSession(): Promise<void> {
  const token = await session.validAccessToken();
  if (!token) return;
  session.userChanged(await data(api.GET('/api/users/me')));
}

/** Revokes the session on the server (best effort), then forgets it here. */
export async function signOut(): Promise<void> {
  const refreshToken = session.currentRefreshToken();
  if (refreshToken) {
    await send(publicApi.POST('/api/auth/logout', { body: { refreshToken } }));
  }
  session.signedOut();
}
