import { test, expect } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { answerWithKeyboard, tabTo } from '../support/keyboard.ts';
import { lessonEntry, lessonLink, newLearner, signUp } from '../support/learner.ts';

const variables = lesson('python-02-variables-and-types');

test('a learner completes a lesson with the keyboard alone', async ({ page }) => {
  await signUp(page, newLearner('Alan'));

  await tabTo(page, lessonLink(page, variables));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('progressbar', { name: 'Lesson progress' })).toBeVisible();
  for (const question of variables.questions) await answerWithKeyboard(page, question);

  await expect(page.getByRole('heading', { level: 1, name: 'Lesson complete!' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to Learn' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lessonEntry(page, variables)).toContainText('Completed');
});
