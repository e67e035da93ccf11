import type { DuelView } from '@/api/types';
import styles from './duels.module.css';

type Player = DuelView['challenger'];

interface DuelScoreboardProps {
  duel: DuelView;
  them: Player | null;
  /** position → right (true), wrong (false), unanswered (undefined). */
  myMarks: Record<number, boolean | undefined>;
}

/** Both sides' progress: your own answers right or wrong, the opponent's answered so far. */
export function DuelScoreboard({ duel, them, myMarks }: DuelScoreboardProps) {
  const positions = duel.questions.map((q) => q.position);
  const myAnswered = positions.filter((p) => myMarks[p] !== undefined).length;
  return (
    <div className={styles.versus}>
      <section className={styles.player} aria-label="Your progress">
        <div className={styles.playerName}>You</div>
        <div className="muted">
          {myAnswered} / {duel.questionCount} answered
        </div>
        <div className={styles.dots} aria-hidden="true">
          {positions.map((p) => (
            <span key={p} className={`${styles.dot} ${myMarks[p] === true ? styles.dotRight : myMarks[p] === false ? styles.dotWrong : ''}`} />
          ))}
        </div>
      </section>
      <strong aria-hidden="true">vs</strong>
      <section className={styles.player} aria-label="Opponent progress" aria-live="polite">
        <div className={styles.playerName}>{them?.displayName ?? 'Opponent'}</div>
        <div className="muted">
          {them?.answered ?? 0} / {duel.questionCount} answered
        </div>
        <div className={styles.dots} aria-hidden="true">
          {positions.map((p, i) => (
            <span key={p} className={`${styles.dot} ${i < (them?.answered ?? 0) ? styles.dotAnswered : ''}`} />
          ))}
        </div>
      </section>
    </div>
  );
}
