import type { AnswerSubmission, QuestionType } from '@/api/types';
import { countBlanks } from './prompt-parser';

/** What the learner has entered so far, for any question type. */
export interface AnswerDraft {
  optionIds: string[];
  blanks: string[];
  code: string;
}

export interface DraftableQuestion {
  type: QuestionType;
  prompt: string;
  blankCount?: number | null;
  starterCode?: string | null;
}

export function emptyDraft(question: DraftableQuestion): AnswerDraft {
  const blanks = question.blankCount ?? countBlanks(question.prompt);
  return { optionIds: [], blanks: Array.from({ length: blanks }, () => ''), code: question.starterCode ?? '' };
}

/** The answer to send, or null while it is incomplete (no option, an empty blank, no code). Flashcards rate instead. */
export function submissionFor(type: QuestionType, draft: AnswerDraft): AnswerSubmission | null {
  switch (type) {
    case 'MultipleChoice':
      return draft.optionIds.length > 0 ? { optionIds: draft.optionIds } : null;
    case 'FillInTheBlank':
      return draft.blanks.length > 0 && draft.blanks.every((b) => b.trim() !== '') ? { blanks: draft.blanks } : null;
    case 'Code':
      return draft.code.trim() !== '' ? { code: draft.code } : null;
    default:
      return null;
  }
}

export const INSTRUCTIONS: Record<QuestionType, string> = {
  MultipleChoice: 'Choose the right answer',
  FillInTheBlank: 'Fill in the blanks',
  Flashcard: 'Flashcard',
  Code: 'Write the program',
};

export function instructionFor(type: QuestionType, multipleAnswers: boolean): string {
  return type === 'MultipleChoice' && multipleAnswers ? 'Select all that apply' : INSTRUCTIONS[type];
}
