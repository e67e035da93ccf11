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

/** Daily XP as a calendar: one column per week (Monday on top), darker for more XP against the daily goal. */
export function HeatMap({ days, goal }: { days: UserStats['last30Days']; goal: number }) {
  const firstWeekday = days[0] ? (new Date(`${days[0].day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const active = days.filter((d) => d.xp > 0).length;
  return (
    <div>
      <p className="muted">
        {active} active {active === 1 ? 'day' : 'days'} in the last {days.length}.
      </p>
      <ol className={styles.heat} aria-label="Daily XP, last 30 days">
        {Array.from({ length: firstWeekday }, (_, i) => (
          <li key={`pad-${i}`} aria-hidden="true" />
        ))}
        {days.map((day) => {
          const label = `${new Date(`${day.day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })}: ${day.xp} XP`;
          return <li key={day.day} className={styles.cell} style={{ background: LEVELS[level(day.xp, goal)] }} aria-label={label} title={label} />;
        })}
      </ol>
      <div className={styles.legend} aria-hidden="true">
        Less
        {LEVELS.map((color) => (
          <span key={color} className={styles.cell} style={{ background: color }} />
        ))}
        More
      </div>
    </div>
  );
}
