import type { Question } from '@/api/types';
import styles from './question.module.css';
import { useAnswerKeys } from './useAnswerKeys';

interface MultipleChoiceProps {
  question: Pick<Question, 'id' | 'choices' | 'multipleAnswers'>;
  selected: string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
}

/** Option tiles: radio buttons, or checkboxes when several answers are right. Keys 1–n pick a tile. */
export function MultipleChoice({ question, selected, onChange, disabled }: MultipleChoiceProps) {
  const choices = question.choices ?? [];
  const multiple = question.multipleAnswers;

  const toggle = (id: string) => {
    if (disabled) return;
    if (!multiple) onChange([id]);
    else onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  };

  useAnswerKeys({
    onNumber: (n) => {
      const choice = choices[n - 1];
      if (choice) toggle(choice.id);
    },
  });

  return (
    <fieldset className={styles.tiles}>
      <legend className="visually-hidden">{multiple ? 'Select all that apply' : 'Select one answer'}</legend>
      {choices.map((choice, index) => (
        <label key={choice.id} className={styles.tile}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`question-${question.id}`}
            value={choice.id}
            checked={selected.includes(choice.id)}
            onChange={() => toggle(choice.id)}
            disabled={disabled}
          />
          <span className={styles.tileKey} aria-hidden="true">
            {index + 1}
          </span>
          <span className={styles.tileText}>{choice.text}</span>
        </label>
      ))}
    </fieldset>
  );
}
