import { ApiError } from './problems';

/** Worth another try: the network failed, or the server was briefly unable (502/503/504). */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);
}

/** Exponential backoff, unless the server said how long to wait. */
export function retryDelayMs(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, 30_000);
  return Math.min(500 * 2 ** attempt, 8_000);
}

/** TanStack Query's retry policy for reads and idempotent writes (failureCount counts earlier failures). */
export function shouldRetry(failureCount: number, error: unknown, maxRetries = 2): boolean {
  return failureCount < maxRetries && isTransient(error);
}
