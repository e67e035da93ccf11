import { useRef, useState } from 'react';
import type { AttemptResult, Question, SelfRating } from '@/api/types';
import { AnswerFeedback } from '../question/AnswerFeedback';
import { QuestionStage } from '../question/QuestionStage';
import { TestResults } from '../question/TestResults';
import { emptyDraft, submissionFor } from '../question/answer-draft';
import { useAnswerKeys } from '../question/useAnswerKeys';
import { useAttempt } from '@/lib/attempts';
import { messageFor } from '@/lib/problems';
import { CheckBar, PlayerFrame } from './PlayerFrame';

export interface TurnContext {
  /** The streak and goal before this answer, to tell whether it extended or reached them. */
  streakBefore: number | null;
  goalReachedBefore: boolean | null;
}

interface QuestionTurnProps {
  question: Question;
  language: string;
  frame: Omit<React.ComponentProps<typeof PlayerFrame>, 'children' | 'footer'>;
  context: TurnContext;
  onAnswered?: (result: AttemptResult) => void;
  onContinue: (result: AttemptResult) => void;
}

/** One question from first sight to Continue: answer, Check (idempotent), feedback. Keyed by question. */
export function QuestionTurn({ question, language, frame, context, onAnswered, onContinue }: QuestionTurnProps) {
  const [draft, setDraft] = useState(() => emptyDraft(question));
  const shownAt = useRef(performance.now());
  const attempt = useAttempt(onAnswered);
  const result = attempt.result;
  const submission = submissionFor(question.type, draft);

  const check = () => {
    if (submission && !attempt.isChecking && !result) attempt.check(question.id, submission, performance.now() - shownAt.current);
  };
  const [lastRating, setLastRating] = useState<SelfRating | null>(null);
  const rate = (rating: SelfRating) => {
    if (attempt.isChecking || result) return;
    setLastRating(rating);
    attempt.check(question.id, { rating }, performance.now() - shownAt.current);
  };

  useAnswerKeys({ onEnter: result ? () => onContinue(result) : question.type === 'Flashcard' ? undefined : check });

  const streakExtendedTo = result && context.streakBefore !== null && result.currentStreak > context.streakBefore ? result.currentStreak : null;
  const footer = result ? (
    <AnswerFeedback
      correct={result.correct}
      explanation={result.explanation}
      expectedAnswer={result.expectedAnswer}
      questionType={question.type}
      choices={question.choices}
      xpGained={result.xpGained}
      streakExtendedTo={streakExtendedTo}
      dailyGoalJustReached={result.dailyGoalReached && context.goalReachedBefore === false}
      onContinue={() => onContinue(result)}
    >
      {result.code && (
        <p>
          {result.code.passed} of {result.code.total} tests passed.
        </p>
      )}
    </AnswerFeedback>
  ) : question.type === 'Flashcard' ? (
    attempt.error ? <CheckBar label="Try again" disabled={false} busy={attempt.isChecking} error={<ErrorLine error={attempt.error} />} onCheck={() => lastRating && rate(lastRating)} /> : null
  ) : (
    <CheckBar
      label={question.type === 'Code' ? 'Submit' : attempt.error ? 'Try again' : 'Check'}
      disabled={!submission}
      busy={attempt.isChecking}
      hint={hintFor(question)}
      error={attempt.error ? <ErrorLine error={attempt.error} /> : undefined}
      onCheck={check}
    />
  );

  return (
    <PlayerFrame {...frame} footer={footer}>
      <QuestionStage question={question} language={language} draft={draft} onDraftChange={setDraft} onRate={rate} locked={Boolean(result) || attempt.isChecking} />
      {/* The full test report stays in the page, not in the feedback bar, so a phone still sees the question. */}
      {result?.code && (
        <div style={{ marginTop: 'var(--space-5)' }}>
          <TestResults judgement={result.code} title="Submission" />
        </div>
      )}
    </PlayerFrame>
  );
}

function ErrorLine({ error }: { error: unknown }) {
  return (
    <span role="alert" className="field-error">
      {messageFor(error)}
    </span>
  );
}

function hintFor(question: Question): string {
  switch (question.type) {
    case 'MultipleChoice':
      return question.multipleAnswers ? 'Press 1–4 to toggle options, Enter to check.' : 'Press 1–4 to choose, Enter to check.';
    case 'FillInTheBlank':
      return 'Type in each blank, then press Enter.';
    case 'Code':
      return 'Run tries the visible tests; Submit is graded on all tests.';
    default:
      return '';
  }
}
