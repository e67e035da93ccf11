import { useState } from 'react';
import type { SelfRating } from '@/api/types';
import { InlineText, PromptText } from './PromptText';
import styles from './question.module.css';
import { useAnswerKeys } from './useAnswerKeys';

const RATINGS: ReadonlyArray<{ rating: SelfRating; label: string; style: string }> = [
  { rating: 'Again', label: 'Again', style: 'btn-danger' },
  { rating: 'Hard', label: 'Hard', style: 'btn-secondary' },
  { rating: 'Good', label: 'Good', style: 'btn-secondary' },
  { rating: 'Easy', label: 'Easy', style: 'btn-primary' },
];

interface FlashcardProps {
  prompt: string;
  back: string | null;
  language?: string | null;
  onRate: (rating: SelfRating) => void;
  disabled?: boolean;
}

/** Recall, flip (Enter or the button), then rate yourself with 1–4. */
export function Flashcard({ prompt, back, language, onRate, disabled }: FlashcardProps) {
  const [flipped, setFlipped] = useState(false);

  useAnswerKeys({
    onEnter: flipped ? undefined : () => setFlipped(true),
    onNumber: (n) => {
      const choice = RATINGS[n - 1];
      if (flipped && choice && !disabled) onRate(choice.rating);
    },
  });

  return (
    <div className={`stack ${styles.flashcard}`}>
      <div className={styles.cardFace}>
        <div className={styles.cardLabel}>Front</div>
        <PromptText text={prompt} language={language} />
      </div>
      {flipped ? (
        <>
          <div className={`${styles.cardFace} ${styles.cardBack}`} aria-live="polite">
            <div className={styles.cardLabel}>Back</div>
            <div className={styles.prompt}>
              <InlineText text={back ?? ''} />
            </div>
          </div>
          <div role="group" aria-label="How well did you remember?" className="stack">
            <p className="muted">How well did you remember?</p>
            <div className={styles.ratings}>
              {RATINGS.map((r, i) => (
                <button key={r.rating} type="button" className={`btn ${r.style}`} onClick={() => onRate(r.rating)} disabled={disabled}>
                  {r.label}
                  <span className={styles.ratingKey} aria-hidden="true">
                    {i + 1}
                  </span>
                </button>
              ))}
            </div>
          </div>
        </>
      ) : (
        <button type="button" className="btn btn-primary btn-block" onClick={() => setFlipped(true)} disabled={disabled}>
          Show answer
        </button>
      )}
    </div>
  );
}
