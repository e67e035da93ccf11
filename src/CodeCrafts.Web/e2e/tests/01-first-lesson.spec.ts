import { test, expect } from '../support/fixtures.ts';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.ts';
import { lesson } from '../support/curriculum.ts';
import { goTo, lessonEntry, newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer, continueToNext, playLessonRight } from '../support/player.ts';

const firstSteps = lesson('python-01-first-steps');
// Python lesson 1 has no code question; the first one in the track is in lesson 3.
const operators = lesson('python-03-operators-and-expressions');

test('a new learner signs up, completes Python lesson 1 and a code question, and finds their progress and place', async ({ page }) => {
  const ada = newLearner('Ada');
  await signUp(page, ada);
  await expect(lessonEntry(page, firstSteps)).toContainText('New');

  await openLesson(page, firstSteps);
  await playLessonRight(page, firstSteps);
  await expect(page.getByText('1-day streak')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Learn' }).click();

  await expect(lessonEntry(page, firstSteps)).toContainText('Completed');
  const streak = page.getByRole('region', { name: 'Streak' });
  await expect(streak).toContainText('1');
  await expect(streak).toContainText('day in a row');
  const level = page.getByRole('region', { name: 'Level' });
  await expect(level).toContainText(/[1-9]\d* XP/);
  await expect(page.getByRole('region', { name: 'Daily goal' })).toContainText(/[1-9]\d* \/ \d+ XP/);

  // The code question: written in the editor, run against the visible tests, then submitted.
  await openLesson(page, operators);
  for (const question of operators.questions) {
    await answer(page, question, 'right');
    if (question.type === 'code') {
      await expect(page.getByRole('region', { name: 'Submission' }).getByRole('heading')).toHaveText(/Submission: (\d+) of \1 tests passed/);
      await expectNoSeriousAccessibilityViolations(page, 'code question with its test results');
    }
    await continueToNext(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Lesson complete!' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to Learn' }).click();
  await expect(lessonEntry(page, operators)).toContainText('Completed');

  await goTo(page, 'Leaderboards');
  await expect(page.getByRole('heading', { level: 1, name: 'Leaderboards' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ada.displayName }).first()).toBeVisible();
});
