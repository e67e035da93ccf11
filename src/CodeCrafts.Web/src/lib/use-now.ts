import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering while `until` lies ahead: every second in its last minute, every 30 s before, so a
 * relative time ("in 3 seconds") stays true without waking idle pages forever. Stops once `until` has passed.
 */
export function useNow(until: string | null | undefined): number {
  const [, tick] = useState(0);
  // Read at render rather than kept in state: a target that arrives later is measured from now, not from mount.
  const now = Date.now();
  const left = until ? Date.parse(until) - now : 0;
  useEffect(() => {
    if (left <= 0) return;
    const step = left <= 60_000 ? Math.min(1000, left) : Math.min(30_000, left - 60_000);
    const timer = setTimeout(() => tick((n) => n + 1), Math.max(step, 1));
    return () => clearTimeout(timer);
  });
  return now;
}
