import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Flame } from 'lucide-react';
import styles from '@/components/player/player.module.css';

export interface LessonOutcome {
  title: string;
  questionCount: number;
  firstTryCorrect: number;
  xpGained: number;
  seconds: number;
  streak: number | null;
  completed: boolean;
}

/** The end of a lesson: what it earned, how accurate, how long; then back to Learn. */
export function LessonSummary({ outcome }: { outcome: LessonOutcome }) {
  const accuracy = outcome.questionCount > 0 ? Math.round((outcome.firstTryCorrect / outcome.questionCount) * 100) : 0;
  const minutes = Math.floor(outcome.seconds / 60);
  const seconds = outcome.seconds % 60;
  const back = useRef<HTMLAnchorElement>(null);
  // Enter continues, as it did on every question.
  useEffect(() => back.current?.focus(), []);
  return (
    <div className={`card ${styles.summary}`}>
      <div className={styles.celebrate} aria-hidden="true">
        🎉
      </div>
      <h1>Lesson complete!</h1>
      <p className="muted">{outcome.title}</p>
      <dl className={styles.summaryStats}>
        <div className={styles.summaryStat}>
          <dt>XP earned</dt>
          <dd className={styles.summaryValue}>+{outcome.xpGained}</dd>
        </div>
        <div className={styles.summaryStat}>
          <dt>Accuracy</dt>
          <dd className={styles.summaryValue}>{accuracy}%</dd>
        </div>
        <div className={styles.summaryStat}>
          <dt>Time</dt>
          <dd className={styles.summaryValue}>
            {minutes}:{String(seconds).padStart(2, '0')}
          </dd>
        </div>
      </dl>
      {outcome.streak !== null && outcome.streak > 0 && (
        <p style={{ color: 'var(--color-flame)', fontWeight: 800 }}>
          <Flame aria-hidden="true" size={20} style={{ verticalAlign: 'text-bottom' }} /> {outcome.streak}-day streak
        </p>
      )}
      <Link ref={back} to="/" className="btn btn-primary btn-block">
        Back to Learn
      </Link>
    </div>
  );
}
