import { test, expect } from '../support/fixtures.ts';
import { answerDuel, outcome } from '../support/duel.ts';
import { goTo, newLearner, signUp } from '../support/learner.ts';

test('a learner plays a bot duel to its result and rating change', async ({ page }) => {
  await signUp(page, newLearner('Judit'));
  await goTo(page, 'Duels');
  await expect(page.getByRole('heading', { level: 1, name: 'Duels' })).toBeVisible();
  await page.getByLabel('Length').selectOption({ label: '3 questions' });
  await page.getByLabel('Bot strength').selectOption({ label: 'Beginner (1000)' });
  await page.getByRole('button', { name: 'Play bot' }).click();

  await expect(page.getByRole('timer', { name: 'Time left' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Opponent progress' })).toBeVisible();
  await answerDuel(page, 3);

  // The bot answers on its own clock; the result arrives over the hub, with no reload.
  await expect(outcome(page)).toBeVisible({ timeout: 150_000 });
  await expect(page).toHaveURL(/\/duels\/[^/]+\/result$/);
  await expect(page.getByText('3 / 3 right')).toBeVisible();
  await expect(page.getByTestId('rating-change')).toHaveText(/^[+-]\d+$|^0$/);

  await page.getByRole('link', { name: 'Duel history' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Duel history' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your duels, newest first' }).getByRole('listitem')).toHaveCount(1);
});
