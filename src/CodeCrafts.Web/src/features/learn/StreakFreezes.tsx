import { Snowflake } from 'lucide-react';
import type { StreakFreezeSummary } from '@/api/types';
import styles from './learn.module.css';

/** "2 streak freezes held of 2", the phrase screen readers hear for the snowflakes. */
export function freezesLabel(held: number, max: number): string {
  return `${held} streak ${held === 1 ? 'freeze' : 'freezes'} held of ${max}`;
}

/**
 * The freezes under the streak: one snowflake slot per freeze a learner can hold (filled when held), ×N, and when
 * the next one comes. A freeze keeps the streak alive through a missed day, used automatically.
 */
export function StreakFreezes({ freezes }: { freezes: StreakFreezeSummary }) {
  const { held, max, used, nextAtStreak } = freezes;
  return (
    <div className={styles.freezes}>
      <span role="img" aria-label={freezesLabel(held, max)} className={styles.freezeSlots} data-testid="streak-freezes">
        {Array.from({ length: max }, (_, i) => (
          <Snowflake key={i} size={18} aria-hidden="true" className={i < held ? styles.freezeHeld : styles.freezeEmpty} />
        ))}
        <span aria-hidden="true" className={styles.freezeCount}>
          ×{held}
        </span>
      </span>
      <span className={styles.freezeNote}>
        {held >= max ? 'Freezes full' : `Next at ${nextAtStreak} days`}
        {used > 0 ? ` · ${used} used` : ''}
      </span>
    </div>
  );
}
