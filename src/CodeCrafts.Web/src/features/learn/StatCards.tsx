import { Link } from 'react-router';
import { Flame, Repeat, Star, Target } from 'lucide-react';
import type { StreakFreezeSummary, UserStats } from '@/api/types';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { StreakFreezes } from './StreakFreezes';
import styles from './learn.module.css';

export function StreakFlame({ days, freezes }: { days: number; freezes: StreakFreezeSummary }) {
  return (
    <section className={`card ${styles.stat}`} aria-labelledby="streak-heading">
      <h2 id="streak-heading" className={styles.statHead}>
        Streak
      </h2>
      <div className={`${styles.big} ${days > 0 ? styles.flame : styles.flameCold}`}>
        <Flame aria-hidden="true" size={28} /> <span data-testid="streak-count">{days}</span>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {days === 1 ? 'day in a row' : 'days in a row'}
      </p>
      <StreakFreezes freezes={freezes} />
    </section>
  );
}

export function DailyGoal({ todayXp, goal }: { todayXp: number; goal: number }) {
  return (
    <section className={`card ${styles.stat}`} aria-labelledby="goal-heading">
      <h2 id="goal-heading" className={styles.statHead}>
        <Target size={16} aria-hidden="true" /> Daily goal
      </h2>
      <p className={styles.big} style={{ fontSize: 'var(--text-xl)' }}>
        {todayXp} / {goal} XP
      </p>
      <ProgressBar value={todayXp} max={goal} label="Today's XP toward the daily goal" />
      <p className="muted" style={{ margin: 'var(--space-2) 0 0' }}>
        {todayXp >= goal ? 'Goal reached today!' : `${goal - todayXp} XP to go today`}
      </p>
    </section>
  );
}

export function LevelCard({ stats }: { stats: UserStats }) {
  const span = stats.nextLevelAtXp - stats.levelStartsAtXp;
  const into = stats.xp - stats.levelStartsAtXp;
  return (
    <section className={`card ${styles.stat}`} aria-labelledby="level-heading">
      <h2 id="level-heading" className={styles.statHead}>
        <Star size={16} aria-hidden="true" /> Level
      </h2>
      <p className={`${styles.big} ${styles.gold}`}>Level {stats.level}</p>
      <ProgressBar value={into} max={span} label={`Progress to level ${stats.level + 1}`} />
      <p className="muted" style={{ margin: 'var(--space-2) 0 0' }}>
        {stats.xp} XP · {stats.nextLevelAtXp - stats.xp} XP to level {stats.level + 1}
      </p>
    </section>
  );
}

export function ReviewsDue({ count }: { count: number }) {
  return (
    <section className={`card ${styles.stat}`} aria-labelledby="reviews-heading">
      <h2 id="reviews-heading" className={styles.statHead}>
        <Repeat size={16} aria-hidden="true" /> Reviews
      </h2>
      <p className={styles.big} style={{ fontSize: 'var(--text-xl)' }}>
        {count} due
      </p>
      {count > 0 ? (
        <Link to="/reviews" className={`btn btn-secondary btn-block ${styles.reviewLink}`}>
          Review {count} {count === 1 ? 'question' : 'questions'}
        </Link>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          Nothing to review now.
        </p>
      )}
    </section>
  );
}
