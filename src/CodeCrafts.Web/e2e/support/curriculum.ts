import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack.ts';

/**
 * The seeded curriculum, read from the files the migration worker seeds: the journeys know the right answers the
 * way a learner who studied would, while the Api never sends them to the browser.
 */
export interface CurriculumOption {
  id: string;
  text: string;
}

export type CurriculumQuestion =
  | { slug: string; type: 'multipleChoice'; prompt: string; options: CurriculumOption[]; correctOptionIds: string[]; explanation: string }
  | { slug: string; type: 'fillInTheBlank'; prompt: string; blanks: { accepted: string[] }[]; explanation: string }
  | { slug: string; type: 'flashcard'; prompt: string; back: string; explanation?: string }
  | { slug: string; type: 'code'; prompt: string; starterCode: string; referenceSolution: string; wrongSolutions: string[]; explanation: string };

export interface CurriculumLesson {
  slug: string;
  title: string;
  language: 'python' | 'cpp';
  order: number;
  questions: CurriculumQuestion[];
}

const lessonsFolder = path.join(repoRoot, 'src/CodeCrafts.MigrationService/Curriculum/lessons');

export function lesson(slug: string): CurriculumLesson {
  return JSON.parse(readFileSync(path.join(lessonsFolder, `${slug}.json`), 'utf8')) as CurriculumLesson;
}

/** The text of the options a learner who knows the answer picks. */
export function correctOptionTexts(question: Extract<CurriculumQuestion, { type: 'multipleChoice' }>): string[] {
  return question.options.filter((o) => question.correctOptionIds.includes(o.id)).map((o) => o.text);
}

/** The 1-based keyboard numbers of the right options (1–4 pick an option). */
export function correctOptionNumbers(question: Extract<CurriculumQuestion, { type: 'multipleChoice' }>): number[] {
  return question.options.flatMap((o, i) => (question.correctOptionIds.includes(o.id) ? [i + 1] : []));
}

export function wrongOptionText(question: Extract<CurriculumQuestion, { type: 'multipleChoice' }>): string {
  const wrong = question.options.find((o) => !question.correctOptionIds.includes(o.id));
  if (!wrong) throw new Error(`${question.slug} has no wrong option`);
  return wrong.text;
}
