import { test, expect } from '../support/fixtures.ts';
import { lesson } from '../support/curriculum.ts';
import { goTo, newLearner, openLesson, signUp } from '../support/learner.ts';
import { answer, continueToNext } from '../support/player.ts';
import { questionOnScreen } from '../support/recognise.ts';

const variables = lesson('python-02-variables-and-types');

test('a learner reviews the questions they got wrong once they come due', async ({ page }) => {
  await signUp(page, newLearner('Hedy'));
  await openLesson(page, variables);
  const missed = variables.questions.slice(0, 2);
  for (const question of missed) {
    await answer(page, question, 'wrong');
    await continueToNext(page);
  }
  await page.getByRole('link', { name: 'Quit lesson' }).click();

  // A wrong answer comes back after the first learning step (a few seconds on the test stack).
  await goTo(page, 'Reviews');
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('2 questions are due', { exact: false })).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('list', { name: 'Due reviews, most at risk first' }).getByRole('listitem')).toHaveCount(2);

  await page.getByRole('link', { name: 'Start review' }).click();
  for (let i = 0; i < missed.length; i++) {
    await expect(page.getByText(`${i + 1} / ${missed.length}`)).toBeVisible();
    await answer(page, await questionOnScreen(page, missed), 'right');
    await continueToNext(page);
  }
  await expect(page.getByRole('heading', { name: 'Review complete!' })).toBeVisible();
  await expect(page.getByText(`You remembered ${missed.length} of ${missed.length}.`)).toBeVisible();

  await page.getByRole('link', { name: 'Back to reviews' }).click();
  await expect(page.getByRole('heading', { name: 'All caught up!' })).toBeVisible();
  await expect(page.getByText(/Your next review is due /)).toBeVisible();
});
