// Whether the Api is reachable, for the one banner that says so. Any failed call can report an outage; the
// banner's "Try again" runs whatever registered to retry (failed queries, a session restore).
import { useSyncExternalStore } from 'react';
import { ApiError } from './problems';

export interface Outage {
  message: string;
  /** Epoch ms before which retrying is pointless (from Retry-After). */
  retryAt: number;
}

let outage: Outage | null = null;
const listeners = new Set<() => void>();
const retryHandlers = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function reportOutage(error: unknown): void {
  if (!(error instanceof ApiError) || !error.isOutage) return;
  outage = { message: error.message, retryAt: Date.now() + (error.retryAfterMs ?? 0) };
  emit();
}

export function clearOutage(): void {
  if (outage === null) return;
  outage = null;
  emit();
}

export function onRetry(handler: () => void): () => void {
  retryHandlers.add(handler);
  return () => retryHandlers.delete(handler);
}

export function retryNow(): void {
  clearOutage();
  for (const handler of retryHandlers) handler();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOutage(): Outage | null {
  return useSyncExternalStore(subscribe, () => outage);
}
