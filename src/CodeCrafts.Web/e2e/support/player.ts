import { expect, type Page } from '@playwright/test';
import { correctOptionTexts, wrongOptionText, type CurriculumLesson, type CurriculumQuestion } from './curriculum.ts';

/** The green or red panel that follows Check. */
export const feedback = (page: Page) => page.getByRole('region', { name: 'Answer feedback' });

function blankName(index: number, count: number): string {
  return count > 1 ? `Blank ${index + 1} of ${count}` : 'Blank 1';
}

/** Replaces the editor's content the way a paste would (typing would meet the editor's auto-closing brackets). */
export async function writeCode(page: Page, code: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Code editor' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await expect(editor).toContainText(code.split('\n')[1] ?? code.split('\n')[0]!);
}

/** Picks the options or fills the blanks of the question on screen, without sending the answer. */
export async function enterAnswer(page: Page, question: CurriculumQuestion, how: 'right' | 'wrong' = 'right'): Promise<void> {
  if (question.type === 'multipleChoice') {
    const role = question.correctOptionIds.length > 1 ? 'checkbox' : 'radio';
    const picks = how === 'right' ? correctOptionTexts(question) : [wrongOptionText(question)];
    for (const text of picks) await page.getByRole(role, { name: text, exact: true }).check();
  } else if (question.type === 'fillInTheBlank') {
    for (const [i, blank] of question.blanks.entries()) {
      const value = how === 'right' ? blank.accepted[0]! : `${blank.accepted[0]}?`;
      await page.getByRole('textbox', { name: blankName(i, question.blanks.length) }).fill(value);
    }
  } else {
    throw new Error(`${question.slug}: a ${question.type} question is not entered with options or blanks`);
  }
}

/** Answers the question on screen with the mouse, as the learner chooses, and waits for the verdict. */
export async function answer(page: Page, question: CurriculumQuestion, how: 'right' | 'wrong' = 'right'): Promise<void> {
  switch (question.type) {
    case 'multipleChoice':
    case 'fillInTheBlank':
      await enterAnswer(page, question, how);
      await page.getByRole('button', { name: 'Check' }).click();
      break;
    case 'flashcard': {
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', { name: how === 'right' ? 'Good' : 'Again' }).click();
      break;
    }
    case 'code': {
      await writeCode(page, how === 'right' ? question.referenceSolution : question.wrongSolutions[0]!);
      await page.getByRole('button', { name: 'Run' }).click();
      const run = page.getByRole('region', { name: 'Run' });
      await expect(run.getByRole('heading')).toHaveText(/Run: \d+ of \d+ tests passed/, { timeout: 30_000 });
      if (how === 'right') await expect(run.getByRole('heading')).toHaveText(/Run: (\d+) of \1 tests passed/);
      await page.getByRole('button', { name: 'Submit' }).click();
      break;
    }
  }
  const verdict = question.type === 'flashcard' ? /Correct!|Not quite/ : how === 'right' ? 'Correct!' : 'Not quite';
  await expect(feedback(page).getByRole('heading', { level: 2 })).toHaveText(verdict, { timeout: question.type === 'code' ? 60_000 : 15_000 });
}

export async function continueToNext(page: Page): Promise<void> {
  await feedback(page).getByRole('button', { name: 'Continue' }).click();
  await expect(feedback(page)).toBeHidden();
}

/** Every question of a lesson answered right, in the order the lesson gives them, up to its summary. */
export async function playLessonRight(page: Page, lesson: CurriculumLesson): Promise<void> {
  for (const question of lesson.questions) {
    await answer(page, question, 'right');
    await continueToNext(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Lesson complete!' })).toBeVisible();
}

/** The player's progress bar ("Lesson progress"), as screen readers hear it. */
export const lessonProgress = (page: Page) => page.getByRole('progressbar', { name: 'Lesson progress' });
