import { Snowflake } from 'lucide-react';
import type { UserStats } from '@/api/types';
import styles from './profile.module.css';

const LEVELS = ['var(--heat-0)', 'var(--heat-1)', 'var(--heat-2)', 'var(--heat-3)', 'var(--heat-4)'];

function level(xp: number, goal: number): number {
  if (xp <= 0) return 0;
  if (xp < goal / 2) return 1;
  if (xp < goal) return 2;
  if (xp < goal * 2) return 3;
  return 4;
}

type Day = UserStats['last30Days'][number];

function dayLabel(day: Day): string {
  const date = new Date(`${day.day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return day.frozen ? `${date}: ${day.xp} XP, frozen (a streak freeze kept the streak)` : `${date}: ${day.xp} XP`;
}

/**
 * Daily XP as a calendar: one column per week (Monday on top), darker for more XP against the daily goal. A day a
 * streak freeze covered is icy blue with a snowflake, so a kept streak with a gap in it reads as kept.
 */
export function HeatMap({ days, goal }: { days: UserStats['last30Days']; goal: number }) {
  const firstWeekday = days[0] ? (new Date(`${days[0].day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const active = days.filter((d) => d.xp > 0).length;
  const frozen = days.filter((d) => d.frozen).length;
  return (
    <div>
      <p className="muted">
        {active} active {active === 1 ? 'day' : 'days'} in the last {days.length}
        {frozen > 0 ? `, ${frozen} frozen` : ''}.
      </p>
      <ol className={styles.heat} aria-label="Daily XP, last 30 days">
        {Array.from({ length: firstWeekday }, (_, i) => (
          <li key={`pad-${i}`} aria-hidden="true" />
        ))}
        {days.map((day) => {
          const label = dayLabel(day);
          return day.frozen ? (
            <li key={day.day} className={`${styles.cell} ${styles.frozenCell}`} aria-label={label} title={label}>
              <Snowflake aria-hidden="true" className={styles.frozenMark} />
            </li>
          ) : (
            <li key={day.day} className={styles.cell} style={{ background: LEVELS[level(day.xp, goal)] }} aria-label={label} title={label} />
          );
        })}
      </ol>
      <div className={styles.legend} aria-hidden="true">
        Less
        {LEVELS.map((color) => (
          <span key={color} className={styles.cell} style={{ background: color }} />
        ))}
        More
        <span className={`${styles.cell} ${styles.frozenCell} ${styles.legendFrozen}`}>
          <Snowflake className={styles.frozenMark} />
        </span>
        Frozen
      </div>
    </div>
  );
}
