import { expect, type Page } from '@playwright/test';
import { enterAnswer } from './player.ts';
import { questionOnScreen, trackQuestions } from './recognise.ts';

/** Plays every question of a live duel right, one at a time, as the duel screen asks them. */
export async function answerDuel(page: Page, questionCount: number): Promise<void> {
  const pool = trackQuestions('python');
  for (let position = 1; position <= questionCount; position++) {
    await expect(page.getByText(`Question ${position} of ${questionCount}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(`${position - 1} / ${questionCount} answered`);
    await enterAnswer(page, await questionOnScreen(page, pool), 'right');
    await page.getByRole('button', { name: 'Submit answer' }).click();
  }
  // The last answer may also be the one that ends the duel, which then shows its result at once.
  const allIn = page.getByRole('region', { name: 'Your progress' }).getByText(`${questionCount} / ${questionCount} answered`);
  await expect(allIn.or(outcome(page))).toBeVisible();
}

/** The outcome heading of a result screen. */
export const outcome = (page: Page) => page.getByRole('heading', { level: 1, name: /You won!|You lost|It’s a draw/ });
