import { test, expect } from '../support/fixtures.ts';
import { expectNoSeriousAccessibilityViolations } from '../support/accessibility.ts';
import { lesson } from '../support/curriculum.ts';
import { goTo, lessonEntry, newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer, continueToNext } from '../support/player.ts';

// Python lesson 1 has every question type and ends with a code question (greet-by-name).
const firstSteps = lesson('python-01-first-steps');

test('a new learner signs up, completes Python lesson 1 with its code question, and finds their progress and place', async ({ page }) => {
  expect(firstSteps.questions.some((q) => q.type === 'code')).toBe(true);
  const ada = newLearner('Ada');
  await signUp(page, ada);
  await expect(lessonEntry(page, firstSteps)).toContainText('New');

  await openLesson(page, firstSteps);
  for (const question of firstSteps.questions) {
    // A code question is written in the editor, run against the visible tests, then submitted.
    await answer(page, question, 'right');
    if (question.type === 'code') {
      await expect(page.getByRole('region', { name: 'Submission' }).getByRole('heading')).toHaveText(/Submission: (\d+) of \1 tests passed/);
      await expectNoSeriousAccessibilityViolations(page, 'code question with its test results');
    }
    await continueToNext(page);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Lesson complete!' })).toBeVisible();
  await expect(page.getByText('1-day streak')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Learn' }).click();

  await expect(lessonEntry(page, firstSteps)).toContainText('Completed');
  const streak = page.getByRole('region', { name: 'Streak' });
  await expect(streak).toContainText('1');
  await expect(streak).toContainText('day in a row');
  const level = page.getByRole('region', { name: 'Level' });
  await expect(level).toContainText(/[1-9]\d* XP/);
  await expect(page.getByRole('region', { name: 'Daily goal' })).toContainText(/[1-9]\d* \/ \d+ XP/);

  await goTo(page, 'Leaderboards');
  await expect(page.getByRole('heading', { level: 1, name: 'Leaderboards' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: ada.displayName }).first()).toBeVisible();
});
