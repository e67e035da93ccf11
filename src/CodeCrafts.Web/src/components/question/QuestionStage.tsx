import type { Question, SelfRating } from '@/api/types';
import { CodeQuestion } from './CodeQuestion';
import { FillInTheBlank } from './FillInTheBlank';
import { Flashcard } from './Flashcard';
import { MultipleChoice } from './MultipleChoice';
import { PromptText } from './PromptText';
import { instructionFor, type AnswerDraft } from './answer-draft';

export type StageQuestion = Pick<Question, 'id' | 'type' | 'prompt' | 'choices' | 'multipleAnswers' | 'blankCount'> &
  Partial<Pick<Question, 'tests' | 'starterCode' | 'back'>>;

interface QuestionStageProps {
  question: StageQuestion;
  language: string | null | undefined;
  draft: AnswerDraft;
  onDraftChange: (draft: AnswerDraft) => void;
  onRate: (rating: SelfRating) => void;
  /** After Check: the answer is locked while feedback shows. */
  locked: boolean;
}

/** One question: what to do, the prompt, and the widget its type needs. */
export function QuestionStage({ question, language, draft, onDraftChange, onRate, locked }: QuestionStageProps) {
  const instruction = instructionFor(question.type, question.multipleAnswers);
  return (
    <section className="stack" aria-labelledby={`q-${question.id}`}>
      <h1 id={`q-${question.id}`}>{instruction}</h1>
      {question.type === 'FillInTheBlank' ? (
        <FillInTheBlank
          prompt={question.prompt}
          language={language}
          values={draft.blanks}
          onChange={(blanks) => onDraftChange({ ...draft, blanks })}
          disabled={locked}
        />
      ) : question.type === 'Flashcard' ? (
        <Flashcard key={question.id} prompt={question.prompt} back={question.back ?? null} language={language} onRate={onRate} disabled={locked} />
      ) : (
        <>
          <PromptText text={question.prompt} language={language} />
          {question.type === 'MultipleChoice' ? (
            <MultipleChoice question={question} selected={draft.optionIds} onChange={(optionIds) => onDraftChange({ ...draft, optionIds })} disabled={locked} />
          ) : (
            <CodeQuestion question={question} language={language} code={draft.code} onChange={(code) => onDraftChange({ ...draft, code })} disabled={locked} />
          )}
        </>
      )}
    </section>
  );
}
