// The signed-in learner: the access token lives only in this module's memory; the refresh token in the storage
// given to it (localStorage in the app; see README.md for why). Refreshing is single-flight within a tab and,
// through the Web Locks API, across tabs: refresh tokens are single use. The Api forgives a used token presented
// again within a short grace window (it returns the same pair), which covers a retry after a lost response; later
// it revokes the whole session, so tabs still take turns instead of relying on that window. A session also ends at
// its absolute lifetime: the refresh is then refused (401), and the learner is sent to sign in.
import type { TokenPair, UserProfile } from '@/api/types';
import { ApiError } from './problems';

export interface TokenStorage {
  get(): string | null;
  set(token: string | null): void;
}

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  user: UserProfile | null;
  /** Why the learner was signed out, when it was not their choice. */
  endedBecause: 'expired' | null;
}

/** Exchanges a refresh token; resolves null when the Api refuses it (expired, revoked), throws on an outage. */
export type RefreshCall = (refreshToken: string) => Promise<TokenPair | null>;

export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

const REFRESH_EARLY_MS = 30_000;

export const webLock: LockRunner = (name, task) =>
  typeof navigator !== 'undefined' && navigator.locks
    ? (navigator.locks.request(name, task) as Promise<Awaited<ReturnType<typeof task>>>)
    : task();

export class Session {
  private state: SessionState;
  private accessToken: string | null = null;
  private accessTokenExpiresAt = 0;
  private inflight: Promise<string | null> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: TokenStorage,
    private readonly refreshCall: RefreshCall,
    private readonly lock: LockRunner = webLock,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { status: storage.get() ? 'restoring' : 'signedOut', user: null, endedBecause: null };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  get hasRefreshToken(): boolean {
    return this.storage.get() !== null;
  }

  signedIn(user: UserProfile, tokens: TokenPair): void {
    this.useTokens(tokens);
    this.update({ status: 'signedIn', user, endedBecause: null });
  }

  userChanged(user: UserProfile): void {
    this.update({ ...this.state, status: 'signedIn', user });
  }

  /** Forgets everything locally; the caller revokes the refresh token first when it can. */
  signedOut(because: SessionState['endedBecause'] = null): void {
    this.accessToken = null;
    this.accessTokenExpiresAt = 0;
    this.storage.set(null);
    this.update({ status: 'signedOut', user: null, endedBecause: because });
  }

  currentRefreshToken(): string | null {
    return this.storage.get();
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async validAccessToken(): Promise<string | null> {
    if (this.accessToken && this.accessTokenExpiresAt - this.now() > REFRESH_EARLY_MS) {
      return this.accessToken;
    }
    if (!this.storage.get()) return this.accessToken;
    return this.refresh(this.accessToken);
  }

  /**
   * A new access token. `stale` is the token that failed: when another caller already replaced it, that
   * replacement is returned instead of spending another refresh token.
   */
  refresh(stale: string | null): Promise<string | null> {
    if (this.accessToken && this.accessToken !== stale) return Promise.resolve(this.accessToken);
    this.inflight ??= this.lock('codecrafts-refresh', () => this.exchange()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async exchange(): Promise<string | null> {
    // Read inside the lock: another tab may have rotated the token while this one waited.
    const refreshToken = this.storage.get();
    if (!refreshToken) {
      this.signedOut('expired');
      return null;
    }
    let tokens: TokenPair | null;
    try {
      tokens = await this.refreshCall(refreshToken);
    } catch (error) {
      // An outage is not a verdict on the session: keep it, and let the caller show the error.
      throw error instanceof ApiError ? error : new ApiError(0, undefined);
    }
    if (!tokens) {
      this.signedOut(this.state.status === 'restoring' ? null : 'expired');
      return null;
    }
    this.useTokens(tokens);
    return tokens.accessToken;
  }

  private useTokens(tokens: TokenPair): void {
    this.accessToken = tokens.accessToken;
    this.accessTokenExpiresAt = Date.parse(tokens.accessTokenExpiresAt);
    this.storage.set(tokens.refreshToken);
  }

  private update(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export function browserTokenStorage(key = 'codecrafts.refreshToken'): TokenStorage {
  return {
    get: () => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (token) => {
      try {
        if (token) localStorage.setItem(key, token);
        else localStorage.removeItem(key);
      } catch {
        // Storage can be disabled (private modes); the session then lasts as long as the tab.
      }
    },
  };
}
