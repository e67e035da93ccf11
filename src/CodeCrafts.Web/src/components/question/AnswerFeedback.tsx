import { useEffect, useRef } from 'react';
import { CheckCircle2, Flame, XCircle, Zap } from 'lucide-react';
import type { ChoiceOptionLike } from './expected-answer';
import { describeExpected } from './expected-answer';
import { InlineText } from './PromptText';
import styles from './feedback.module.css';

export interface FeedbackProps {
  correct: boolean;
  explanation?: string | null;
  expectedAnswer?: readonly string[] | null;
  questionType: string;
  choices?: readonly ChoiceOptionLike[] | null;
  xpGained?: number;
  /** Set when this answer extended the streak: the new length. */
  streakExtendedTo?: number | null;
  dailyGoalJustReached?: boolean;
  continueLabel?: string;
  onContinue: () => void;
  children?: React.ReactNode;
}

/** Green or red, why, what was expected, and what the answer earned; Continue takes the focus so Enter moves on. */
export function AnswerFeedback(props: FeedbackProps) {
  const { correct, explanation, xpGained = 0, streakExtendedTo, dailyGoalJustReached, continueLabel = 'Continue', onContinue, children } = props;
  const continueButton = useRef<HTMLButtonElement>(null);
  const expected = correct || props.questionType === 'Flashcard' ? null : describeExpected(props.questionType, props.expectedAnswer, props.choices);

  useEffect(() => continueButton.current?.focus(), []);

  return (
    <div className={`${styles.panel} ${correct ? styles.correct : styles.wrong}`} role="region" aria-label="Answer feedback">
      <div className={styles.inner}>
        <div aria-live="polite">
          <h2 className={styles.verdict}>
            {correct ? <CheckCircle2 aria-hidden="true" /> : <XCircle aria-hidden="true" />}
            {correct ? 'Correct!' : 'Not quite'}
          </h2>
          {expected && (
            <p className={styles.expected}>
              Correct answer: <InlineText text={expected} />
            </p>
          )}
          {explanation && (
            <p>
              <InlineText text={explanation} />
            </p>
          )}
          {children}
          {(xpGained > 0 || streakExtendedTo || dailyGoalJustReached) && (
            <div className={styles.rewards}>
              {xpGained > 0 && (
                <span className={`${styles.reward} ${styles.xp}`}>
                  <Zap size={18} aria-hidden="true" />+{xpGained} XP
                </span>
              )}
              {streakExtendedTo ? (
                <span className={`${styles.reward} ${styles.flame}`}>
                  <Flame size={18} aria-hidden="true" />
                  Streak extended: {streakExtendedTo} {streakExtendedTo === 1 ? 'day' : 'days'}
                </span>
              ) : null}
              {dailyGoalJustReached && <span className={styles.reward}>Daily goal reached!</span>}
            </div>
          )}
        </div>
        <button ref={continueButton} type="button" className={`btn ${correct ? 'btn-primary' : 'btn-danger'}`} onClick={onContinue}>
          {continueLabel}
        </button>
      </div>
    </div>
  );
}
